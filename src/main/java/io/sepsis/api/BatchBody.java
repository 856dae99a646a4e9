package io.sepsis.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The {@code {"patients": [...]}} body both batch endpoints take (/classify-batch, /genai-classify-batch). */
public final class BatchBody {
    private BatchBody() {
    }

    /**
     * The {@code patients} array: 400 naming {@code patients} when it is missing or not an array, 413 when it has more
     * than {@code max} entries ({@code per} says whose limit, e.g. "per batch").
     */
    public static JsonNode patients(JsonNode body, int max, String per) {
        JsonNode p = body == null ? null : body.get("patients");
        if (p == null || !p.isArray()) {
            throw ProblemException.validation(List.of(new FieldError("patients", "required array of patients")));
        }
        if (p.size() > max) {
            throw ProblemException.tooLarge("patients: at most " + max + " " + per + ", got " + p.size());
        }
        return p;
    }
}
