package io.sepsis.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * API keys, from the environment: {@code API_KEYS} (comma-separated, for rotation) and {@code API_KEY}; the union is
 * accepted. Mapped in application.properties as {@code api.keys=${API_KEYS:}} and {@code api.key=${API_KEY:}}.
 * No key at all means every protected endpoint refuses (fail closed).
 */
@ConfigMapping(prefix = "api")
public interface ApiKeyConfig {
    /** Comma-separated keys; blanks around and between commas are ignored. */
    Optional<String> keys();

    /** One more key (the single-key form of the original deployment). */
    Optional<String> key();
}
