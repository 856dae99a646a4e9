package io.sepsis.guardrail.config;

import java.util.List;

/**
 * Differential diagnoses to surface when any listed rule is breached, criterion met, or notes category counted
 * (e.g. hypotension: bleeding, dehydration, ...). {@code whenCriteriaIndexes} index criteria followed by patterns.
 */
public record DifferentialSpec(String id, String label, List<String> whenRules, List<Integer> whenRuleIndexes,
                               List<String> whenCriteria, List<Integer> whenCriteriaIndexes, List<String> whenNotes,
                               List<Integer> whenNotesIndexes, List<String> diagnoses) {
    public DifferentialSpec {
        whenRules = List.copyOf(whenRules);
        whenRuleIndexes = List.copyOf(whenRuleIndexes);
        whenCriteria = List.copyOf(whenCriteria);
        whenCriteriaIndexes = List.copyOf(whenCriteriaIndexes);
        whenNotes = List.copyOf(whenNotes);
        whenNotesIndexes = List.copyOf(whenNotesIndexes);
        diagnoses = List.copyOf(diagnoses);
    }
}
