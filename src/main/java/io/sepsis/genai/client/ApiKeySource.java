package io.sepsis.genai.client;

import java.util.function.Supplier;

/**
 * A provider's API key as read at each call: fixed (the environment's, for the life of the process) or rotating (the
 * latest value of a refreshed Secrets Manager secret, see {@code io.sepsis.security.secrets}). Clients put it on
 * every request through a header supplier, so a rotated key is used from the next call on, without rebuilding them.
 *
 * @param latest   the key now; null or blank when there is none (yet)
 * @param rotating whether the key may arrive or change after start; then a missing key at start is not a
 *                 configuration error, and calls fail fast as unavailable until it arrives
 */
public record ApiKeySource(Supplier<String> latest, boolean rotating) {

    public static ApiKeySource fixed(String key) {
        return new ApiKeySource(() -> key, false);
    }

    public static ApiKeySource rotating(Supplier<String> latest) {
        return new ApiKeySource(latest, true);
    }

    /** The key to send now, stripped; empty when there is none. */
    public String get() {
        String key = latest.get();
        return key == null ? "" : key.strip();
    }

    @Override
    public String toString() {
        return "ApiKeySource[" + (rotating ? "rotating" : "fixed") + "]";
    }
}
