package io.sepsis.guardrail;

import java.util.Locale;
import java.util.Optional;

/** {@code priority} as the API contract spells it ({@code Standard}, {@code High}, {@code Critical}), lowest first. */
public enum Priority {
    STANDARD("Standard"), HIGH("High"), CRITICAL("Critical");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Exact wire spelling, as the configuration must use it. */
    public static Optional<Priority> ofWire(String s) {
        for (Priority p : values()) {
            if (p.wire.equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Lenient (trimmed, case-insensitive) parse of what an LLM answered; unknown or null -> empty. */
    public static Optional<Priority> parseLenient(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
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
