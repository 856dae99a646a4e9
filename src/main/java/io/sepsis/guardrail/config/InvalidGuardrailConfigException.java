package io.sepsis.guardrail.config;

import java.util.List;

/** Thrown with every reason a guardrail configuration was refused, each as {@code "path: message"}. */
public final class InvalidGuardrailConfigException extends Exception {
    private final List<String> reasons;

    public InvalidGuardrailConfigException(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
