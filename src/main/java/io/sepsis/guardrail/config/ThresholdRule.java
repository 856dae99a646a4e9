package io.sepsis.guardrail.config;

import io.sepsis.guardrail.Operator;
import io.sepsis.guardrail.Role;
import io.sepsis.guardrail.RuleCategory;

/**
 * One single-parameter threshold: breached when {@code parameter <operator> value}. {@code requiresHistory} (a
 * history check id, or null) limits the rule to patients whose history matched that check.
 */
public record ThresholdRule(String id, RuleCategory category, Parameter parameter, Operator operator, double value,
                            String unit, Role role, String requiresHistory, int requiresHistoryIndex,
                            String rationale, String source) {
}
