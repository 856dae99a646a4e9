package io.sepsis.ml.config;

import java.util.Locale;
import java.util.Optional;

/** Deterministic criteria that can raise (never lower) the ML pathway's risk level; named in the thresholds file. */
public enum EscalationCriterion {
    SEPTIC_SHOCK, QSOFA_GE_2, NEWS2_GE_7;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EscalationCriterion> of(String key) {
        for (EscalationCriterion c : values()) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
