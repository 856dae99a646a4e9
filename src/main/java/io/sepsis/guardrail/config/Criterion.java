package io.sepsis.guardrail.config;

import io.sepsis.guardrail.Operator;
import io.sepsis.guardrail.Role;

import java.util.List;

/**
 * A combined criterion (septic shock, DIC, ...) or an early-detection pattern: met when at least {@code minParts}
 * of its parts are met; a part is met when any of its conditions is. {@code role} is null for patterns.
 */
public record Criterion(String id, String name, Role role, int minParts, List<Part> parts, String rationale,
                       String source) {

    public Criterion {
        parts = List.copyOf(parts);
    }

    public record Part(String label, List<Condition> anyOf) {
        public Part {
            anyOf = List.copyOf(anyOf);
        }
    }

    /** One condition of a part. */
    public sealed interface Condition permits RuleRef, Inline, HistoryRef {
    }

    /** Met when the threshold rule is breached. */
    public record RuleRef(String ruleId, int ruleIndex) implements Condition {
    }

    /** Met when {@code parameter <operator> value} (a cut-off used only here, e.g. Temp >= 38.0). */
    public record Inline(Parameter parameter, Operator operator, double value, String unit) implements Condition {
    }

    /** Met when the history check matched. */
    public record HistoryRef(String historyId, int historyIndex) implements Condition {
    }
}
