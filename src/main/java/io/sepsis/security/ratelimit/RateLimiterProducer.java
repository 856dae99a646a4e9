package io.sepsis.security.ratelimit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/** The process-wide {@link KeyRateLimiter}, from {@link RateLimitConfig}. */
@Singleton
public class RateLimiterProducer {
    private static final Logger LOG = Logger.getLogger(RateLimiterProducer.class);

    @Produces
    @Singleton
    KeyRateLimiter keyRateLimiter(RateLimitConfig config) {
        KeyRateLimiter limiter = KeyRateLimiter.of(config);
        LOG.infof("API key rate limit: %s", limiter.describe());
        return limiter;
    }
}
