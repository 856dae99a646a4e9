package io.sepsis.ops.health;

/**
 * A component the service needs before it can answer clinically (the model, the ML thresholds, later the guardrail
 * config and prompt). {@code GET /health} and the readiness check aggregate every CDI bean of this type.
 */
public interface ComponentStatus {

    /** Stable name shown in health output, e.g. {@code model}, {@code ml_thresholds}. */
    String component();

    boolean ready();

    /** Short human-readable state (version, or why it is not ready); never patient data. */
    String detail();
}
