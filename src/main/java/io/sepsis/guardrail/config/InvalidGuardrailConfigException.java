package io.sepsis.guardrail.config;

import io.sepsis.ops.config.InvalidConfigException;

import java.util.List;

/** Thrown with every reason a guardrail configuration was refused, each as {@code "path: message"}. */
public final class InvalidGuardrailConfigException extends InvalidConfigException {
    public InvalidGuardrailConfigException(List<String> reasons) {
        super(reasons);
    }
}
