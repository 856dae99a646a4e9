package io.sepsis.guardrail.config;

import java.util.List;

/**
 * A history category (renal disease, beta-blockers, ...): matched when one of its terms occurs (not negated) in an
 * item of the lists it searches and that item matches none of its exclude terms. Its effects are context lines,
 * emitted from {@code ifPresent} when it matched and from {@code ifAbsent} when it did not.
 */
public record HistoryCheck(String id, String label, boolean searchConditions, boolean searchMedications,
                           List<String> terms, List<String> excludeTerms, List<Effect> ifPresent,
                           List<Effect> ifAbsent, String rationale, String source) {

    public HistoryCheck {
        terms = List.copyOf(terms);
        excludeTerms = List.copyOf(excludeTerms);
        ifPresent = List.copyOf(ifPresent);
        ifAbsent = List.copyOf(ifAbsent);
    }

    /**
     * A context line. Emitted when it has no {@code when_*} condition, or when any of them holds: a listed rule is
     * breached, a listed criterion or pattern is met, a listed parameter is measured, a listed notes category was
     * found. {@code {value}} in the message is the value of {@code parameter}.
     *
     * @param whenCriteriaIndexes indexes into criteria followed by patterns (see {@code GuardrailConfig})
     */
    public record Effect(List<String> whenRules, List<Integer> whenRuleIndexes, List<String> whenCriteria,
                         List<Integer> whenCriteriaIndexes, List<Parameter> whenMeasured, List<String> whenNotes,
                         List<Integer> whenNotesIndexes, Parameter parameter, String message) {
        public Effect {
            whenRules = List.copyOf(whenRules);
            whenRuleIndexes = List.copyOf(whenRuleIndexes);
            whenCriteria = List.copyOf(whenCriteria);
            whenCriteriaIndexes = List.copyOf(whenCriteriaIndexes);
            whenMeasured = List.copyOf(whenMeasured);
            whenNotes = List.copyOf(whenNotes);
            whenNotesIndexes = List.copyOf(whenNotesIndexes);
        }

        public boolean unconditional() {
            return whenRules.isEmpty() && whenCriteria.isEmpty() && whenMeasured.isEmpty() && whenNotes.isEmpty();
        }
    }
}
