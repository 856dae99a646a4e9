package io.sepsis.guardrail;

import java.util.List;

/** Differential diagnoses surfaced because of what fired ({@code triggeredBy}: rule, criterion or notes ids). */
public record DifferentialResult(String id, String label, List<String> triggeredBy, List<String> diagnoses) {
    public DifferentialResult {
        triggeredBy = List.copyOf(triggeredBy);
        diagnoses = List.copyOf(diagnoses);
    }
}
