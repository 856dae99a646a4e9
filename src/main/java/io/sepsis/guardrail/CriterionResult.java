package io.sepsis.guardrail;

import java.util.List;

/**
 * A combined criterion or early-warning pattern that was met, and which of its parts were.
 *
 * @param role      {@link Role#TRIGGER} for a trigger criterion; null for an early-warning pattern
 * @param partsMet  one line per met part, e.g. {@code hypotension: SBP 85 <= 90 mmHg}
 */
public record CriterionResult(String id, String name, Role role, int partsMetCount, int partsRequired, int partsTotal,
                              List<String> partsMet, String rationale, String source) {

    public CriterionResult {
        partsMet = List.copyOf(partsMet);
    }

    /** E.g. {@code septic_shock: septic shock (...) [2 of 2: hypotension: SBP 85 <= 90 mmHg; ...]}. */
    public String describe() {
        return id + ": " + name + " [" + partsMetCount + " of " + partsTotal + " (needs " + partsRequired + "): "
                + String.join("; ", partsMet) + "]";
    }
}
