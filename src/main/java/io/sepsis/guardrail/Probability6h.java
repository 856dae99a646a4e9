package io.sepsis.guardrail;

import java.util.Locale;
import java.util.Optional;

/** {@code sepsis_probability_6h} as the API contract spells it ({@code Low}, {@code Moderate}, {@code High}). */
public enum Probability6h {
    LOW("Low"), MODERATE("Moderate"), HIGH("High");

    private final String wire;

    Probability6h(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Probability6h> ofWire(String s) {
        for (Probability6h p : values()) {
            if (p.wire.equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Lenient (trimmed, case-insensitive) parse of what an LLM answered; unknown or null -> empty. */
    public static Optional<Probability6h> parseLenient(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Probability6h p : values()) {
            if (p.wire.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
