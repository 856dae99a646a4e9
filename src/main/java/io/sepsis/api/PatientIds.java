package io.sepsis.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * The one rule for {@code patient_id}, shared by both pathways: optional; a string or an integer (sent as given,
 * echoed as text); at most {@link #MAX_LENGTH} characters. It is echoed back and never logged raw.
 */
public final class PatientIds {
    public static final int MAX_LENGTH = 128;

    private PatientIds() {
    }

    /**
     * The id of a request body's {@code patient_id} node, or null when absent; an unusable id reports an error on
     * {@code field} (through {@code error(field, message)}) and gives null.
     */
    public static String read(JsonNode id, String field, BiConsumer<String, String> error) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!(id.isTextual() || id.isIntegralNumber())) {
            error.accept(field, "must be a string");
            return null;
        }
        String s = id.asText();
        if (s.length() > MAX_LENGTH) {
            error.accept(field, "at most " + MAX_LENGTH + " characters");
            return null;
        }
        return s;
    }

    /**
     * The id to echo beside an invalid batch item's error: its {@code patient_id} when that id is itself valid,
     * else null (an oversized or mistyped id is never echoed).
     */
    public static String echo(JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        return read(item.get("patient_id"), "patient_id", (f, m) -> { });
    }
}
