package io.sepsis.ml.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.api.BatchBody;
import io.sepsis.api.FieldError;
import io.sepsis.api.ObservationParser;
import io.sepsis.api.PatientIds;
import io.sepsis.api.ProblemException;
import io.sepsis.clinical.Observation;
import io.sepsis.ml.service.PatientInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Maps the ML pathway's JSON bodies to validated inputs, collecting every field error with its path. */
final class PatientRequests {
    static final int MAX_HISTORY = 336;
    static final int MAX_TIMELINE = 1000;
    static final int MAX_BATCH = 1000;
    private static final Set<String> PATIENT_KEYS = Set.of("patient_id", "history");

    private PatientRequests() {
    }

    static PatientInput patient(JsonNode body, String prefix) {
        requireObject(body, prefix);
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String patientId = patientId(body.get("patient_id"), prefix, errors);
        List<Observation> history = new ArrayList<>();
        JsonNode h = body.get("history");
        if (h != null && !h.isNull()) {
            if (!h.isArray()) {
                errors.add(new FieldError(prefix + "history", "must be an array of hourly observations, oldest first"));
            } else if (h.size() > MAX_HISTORY) {
                errors.add(new FieldError(prefix + "history", "at most " + MAX_HISTORY + " rows (14 days of hours)"));
            } else {
                for (int i = 0; i < h.size(); i++) {
                    Observation o = observation(h.get(i), prefix + "history[" + i + "]", Set.of(), errors, warnings);
                    if (o != null) {
                        history.add(o);
                    }
                }
            }
        }
        Observation current = observation(body, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                PATIENT_KEYS, errors, warnings);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new PatientInput(patientId, current, history, ObservationParser.capWarnings(warnings));
    }

    record Timeline(String patientId, List<Observation> rows, List<String> warnings) {
    }

    static Timeline timeline(JsonNode body) {
        requireObject(body, "");
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String patientId = patientId(body.get("patient_id"), "", errors);
        JsonNode obs = body.get("observations");
        List<Observation> rows = new ArrayList<>();
        if (obs == null || !obs.isArray() || obs.isEmpty()) {
            errors.add(new FieldError("observations", "required non-empty array of hourly observations, oldest first"));
        } else if (obs.size() > MAX_TIMELINE) {
            errors.add(new FieldError("observations", "at most " + MAX_TIMELINE + " rows"));
        } else {
            for (int i = 0; i < obs.size(); i++) {
                Observation o = observation(obs.get(i), "observations[" + i + "]", Set.of(), errors, warnings);
                if (o != null) {
                    rows.add(o);
                }
            }
        }
        for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("patient_id") && !k.equals("observations")) {
                warnings.add("unknown field '" + ObservationParser.truncate(k) + "' ignored");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Timeline(patientId, rows, ObservationParser.capWarnings(warnings));
    }

    /** The {@code patients} array of a batch body; 413 over {@value #MAX_BATCH}. */
    static JsonNode batch(JsonNode body) {
        requireObject(body, "");
        return BatchBody.patients(body, MAX_BATCH, "per batch");
    }

    private static Observation observation(JsonNode node, String path, Set<String> reserved, List<FieldError> errors,
                                           List<String> warnings) {
        ObservationParser.Result r = ObservationParser.parse(node, path, reserved);
        errors.addAll(r.errors());
        warnings.addAll(r.warnings());
        return r.observation();
    }

    private static String patientId(JsonNode id, String prefix, List<FieldError> errors) {
        return PatientIds.read(id, prefix + "patient_id", (field, message) -> errors.add(new FieldError(field, message)));
    }

    private static void requireObject(JsonNode body, String prefix) {
        if (body == null || !body.isObject()) {
            throw ProblemException.validation(List.of(new FieldError(prefix.isEmpty() ? "body"
                    : prefix.substring(0, prefix.length() - 1), "must be a JSON object")));
        }
    }
}
