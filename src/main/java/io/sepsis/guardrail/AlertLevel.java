package io.sepsis.guardrail;

/** The GenAI pathway's alert levels (API contract: {@code alert_level}), lowest first. */
public enum AlertLevel {
    STANDARD, HIGH, CRITICAL;

    public AlertLevel max(AlertLevel other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
