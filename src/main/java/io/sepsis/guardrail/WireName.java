package io.sepsis.guardrail;

import java.util.Optional;

/** An enum constant with the exact spelling the configuration file and the API use for it. */
public interface WireName {
    String wire();

    /** The constant spelled exactly {@code s} (configuration must be exact). */
    static <E extends Enum<E> & WireName> Optional<E> exact(Class<E> type, String s) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(s)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
