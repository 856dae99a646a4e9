package io.sepsis.ml.service;

import io.sepsis.clinical.Observation;

import java.util.List;

/** One validated patient: earlier hourly observations (oldest first) and the current one. */
public record PatientInput(String patientId, Observation current, List<Observation> history, List<String> warnings) {
    public PatientInput {
        history = List.copyOf(history);
        warnings = List.copyOf(warnings);
    }
}
