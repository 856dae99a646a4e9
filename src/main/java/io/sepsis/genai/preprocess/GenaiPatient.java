package io.sepsis.genai.preprocess;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validated {@code POST /genai-classify} patient.
 *
 * @param patientId   as sent (may be {@code null}); echoed back to the client, never sent to the LLM and never
 *                    logged raw (use {@link io.sepsis.genai.redaction.PatientIdHasher})
 * @param latest      the newest value of every parameter sent (NaN where not measured): what scores and the
 *                    guardrail evaluate
 * @param trends      per parameter with at least two readings, the readings oldest -> newest (the last one is the
 *                    value in {@code latest}); unmodifiable, iteration in {@link Field} order
 * @param notes       the clinical notes exactly as sent (may be {@code null}); untrusted text that may contain PHI
 *                    and instruction-like text: redact and scan it before it reaches a prompt
 * @param conditions  {@code patient_history.conditions}, trimmed, blanks dropped (free text from the client)
 * @param medications {@code patient_history.medications}, trimmed, blanks dropped (free text from the client)
 * @param warnings    things ignored but accepted (unknown parameters, duplicate timestamps); never values
 */
public record GenaiPatient(String patientId, Observation latest, Map<Field, List<TimedValue>> trends, String notes,
                           List<String> conditions, List<String> medications, List<String> warnings) {

    public GenaiPatient {
        Objects.requireNonNull(latest, "latest");
        EnumMap<Field, List<TimedValue>> copy = new EnumMap<>(Field.class);
        trends.forEach((f, readings) -> copy.put(f, List.copyOf(readings)));
        trends = Collections.unmodifiableMap(copy);
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        warnings = List.copyOf(warnings);
    }

    /** True when the notes contain something other than whitespace. */
    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }
}
