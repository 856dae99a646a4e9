package io.sepsis.security.ratelimit;

import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code rate-limit.*}: the optional per-API-key rate limit, off by default. Mapped in application.properties from
 * {@code RATE_LIMIT_PER_KEY_PER_MINUTE} and {@code RATE_LIMIT_BURST}.
 */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    /** Sustained requests per minute allowed to each API key; 0 (default) turns the limit off. */
    @WithDefault("0")
    int perKeyPerMinute();

    /** Requests a key that has been idle may send back to back; default: the per-minute limit. */
    OptionalInt burst();
}
