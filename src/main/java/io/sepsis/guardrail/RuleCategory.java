package io.sepsis.guardrail;

import java.util.Optional;

/** The 11 categories of single-parameter thresholds of the clinical reference (v3.0). */
public enum RuleCategory implements WireName {
    HEMODYNAMIC("hemodynamic"),
    PERFUSION("perfusion"),
    RESPIRATORY("respiratory"),
    TEMPERATURE("temperature"),
    RENAL("renal"),
    HEPATIC("hepatic"),
    HEMATOLOGIC("hematologic"),
    METABOLIC("metabolic"),
    CARDIAC("cardiac"),
    NEUROLOGIC("neurologic"),
    INFECTION("infection");

    private final String wire;

    RuleCategory(String wire) {
        this.wire = wire;
    }

    /** The name used in the configuration and in responses, e.g. {@code hemodynamic}. */
    @Override
    public String wire() {
        return wire;
    }

    public static Optional<RuleCategory> ofWire(String s) {
        return WireName.exact(RuleCategory.class, s);
    }

    @Override
    public String toString() {
        return wire;
    }
}
