package io.sepsis.ops.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the top level of a reloadable configuration file (ML thresholds, guardrail, prompt) for its parser. Strict
 * like the request bodies and the LLM's answers: a key given twice is refused, not silently resolved to the last
 * value (a clinical threshold written twice must not take whichever came last).
 */
public final class ConfigJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ConfigJson() {
    }

    /**
     * The top-level JSON object, or the refusal with its one reason ({@code prefix} + "not valid JSON (line L,
     * column C)", "...: duplicate key 'k'", "top level must be a JSON object").
     */
    public static <E extends InvalidConfigException> JsonNode readObject(byte[] json, String prefix,
                                                                        Function<List<String>, E> refuse) throws E {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            String duplicate = message != null && message.startsWith("Duplicate field ")
                    ? ": duplicate key " + message.substring("Duplicate field ".length()) : "";
            throw refuse.apply(List.of(prefix + "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" + duplicate));
        } catch (IOException e) {
            throw refuse.apply(List.of(prefix + "unreadable (" + e.getClass().getSimpleName() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw refuse.apply(List.of(prefix + "top level must be a JSON object"));
        }
        return root;
    }

    /** Adds {@code "<prefix><key>: unknown key"} for every key of {@code o} not in {@code allowed}. */
    public static void unknownKeys(JsonNode o, Set<String> allowed, String prefix, List<String> errors) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                errors.add(prefix + k + ": unknown key");
            }
        }
    }

    /** The non-blank string at {@code key}, or null with an error (missing counts only when {@code required}). */
    public static String text(JsonNode o, String key, String prefix, boolean required, List<String> errors) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(prefix + key + ": required string");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            errors.add(prefix + key + ": must be a non-empty string");
            return null;
        }
        return n.asText();
    }
}
