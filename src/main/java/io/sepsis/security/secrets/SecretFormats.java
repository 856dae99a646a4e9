package io.sepsis.security.secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sepsis.security.ApiKeyMatcher;

/**
 * How a SecretString is read. Two shapes, both as Secrets Manager's console writes them:
 * <ul>
 * <li>plain text: the value itself ({@code k1,k2} for API keys, the key for an LLM key);</li>
 * <li>a JSON object ("key/value" secret): the value of the field named like the environment variable
 * ({@code API_KEYS} and/or {@code API_KEY}; {@code AZURE_OPENAI_API_KEY}; {@code OPENAI_API_KEY}). Other fields are
 * ignored, so one secret can hold all of them.</li>
 * </ul>
 * Error messages describe the shape, never the content (a JSON parser's message quotes the input, so it is dropped).
 */
final class SecretFormats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretFormats() {
    }

    /** API keys: never empty (an empty list would refuse every client; the caller keeps the previous keys). */
    static ApiKeyMatcher apiKeys(String secretString) throws SecretFetchException {
        String text = secretString == null ? "" : secretString.strip();
        List<String> sources = new ArrayList<>();
        if (text.startsWith("{")) {
            JsonNode object = object(text);
            if (!object.has("API_KEYS") && !object.has("API_KEY")) {
                throw new SecretFetchException("the JSON secret has neither an API_KEYS nor an API_KEY field");
            }
            sources.add(text(object, "API_KEYS"));
            sources.add(text(object, "API_KEY"));
        } else {
            sources.add(text);
        }
        ApiKeyMatcher keys = ApiKeyMatcher.fromCommaSeparated(sources);
        if (keys.isEmpty()) {
            throw new SecretFetchException("the secret holds no API key");
        }
        return keys;
    }

    /** One key: the plain text, or the JSON field {@code field}; never blank. */
    static String singleKey(String secretString, String field) throws SecretFetchException {
        String text = secretString == null ? "" : secretString.strip();
        String key = text;
        if (text.startsWith("{")) {
            JsonNode object = object(text);
            if (!object.has(field)) {
                throw new SecretFetchException("the JSON secret has no " + field + " field");
            }
            key = text(object, field);
            key = key == null ? "" : key.strip();
        }
        if (key.isEmpty()) {
            throw new SecretFetchException("the secret holds an empty key");
        }
        return key;
    }

    private static JsonNode object(String text) throws SecretFetchException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new SecretFetchException("the secret starts with '{' but is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new SecretFetchException("the secret starts with '{' but is not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode object, String field) throws SecretFetchException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SecretFetchException("the JSON secret's " + field + " field must be a string");
        }
        return value.asText();
    }
}
