package io.sepsis.guardrail;

import io.sepsis.clinical.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One patient as the guardrail sees it.
 *
 * @param vitals      the current observation (vitals and labs; NaN = not measured)
 * @param notes       free-text clinical notes, already PHI-redacted; null or blank = none
 * @param conditions  history items as sent ("chronic hypertension", "CKD stage 4"); null = none
 * @param medications current medications as sent ("metoprolol 25 mg"); null = none
 */
public record GuardrailInput(Observation vitals, String notes, List<String> conditions, List<String> medications) {

    public GuardrailInput {
        Objects.requireNonNull(vitals, "vitals");
        conditions = clean(conditions);
        medications = clean(medications);
    }

    private static List<String> clean(List<String> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(items.size());
        for (String s : items) {
            if (s != null && !s.isBlank()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }
}
