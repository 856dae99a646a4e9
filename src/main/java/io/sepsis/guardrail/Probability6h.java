package io.sepsis.guardrail;

import java.util.Optional;

/** {@code sepsis_probability_6h} as the API contract spells it ({@code Low}, {@code Moderate}, {@code High}). */
public enum Probability6h implements WireName {
    LOW("Low"), MODERATE("Moderate"), HIGH("High");

    private final String wire;

    Probability6h(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<Probability6h> ofWire(String s) {
        return WireName.exact(Probability6h.class, s);
    }

    @Override
    public String toString() {
        return wire;
    }
}
