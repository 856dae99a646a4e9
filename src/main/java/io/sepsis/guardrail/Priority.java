package io.sepsis.guardrail;

import java.util.Optional;

/** {@code priority} as the API contract spells it ({@code Standard}, {@code High}, {@code Critical}), lowest first. */
public enum Priority implements WireName {
    STANDARD("Standard"), HIGH("High"), CRITICAL("Critical");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Exact wire spelling, as the configuration must use it. */
    public static Optional<Priority> ofWire(String s) {
        return WireName.exact(Priority.class, s);
    }

    @Override
    public String toString() {
        return wire;
    }
}
