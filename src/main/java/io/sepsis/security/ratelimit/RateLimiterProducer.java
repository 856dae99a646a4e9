package io.sepsis.security.ratelimit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** The process-wide {@link KeyRateLimiter}, from {@link RateLimitConfig}. */
@Singleton
public class RateLimiterProducer {
    private static final Logger LOG = Logger.getLogger(RateLimiterProducer.class);

    @Produces
    @Singleton
    KeyRateLimiter keyRateLimiter(RateLimitConfig config) {
        return KeyRateLimiter.of(config);
    }

    /** Builds the limiter at start, so an invalid setting stops the start instead of failing the first request. */
    void logAtStart(@Observes StartupEvent event, KeyRateLimiter limiter) {
        LOG.infof("API key rate limit: %s", limiter.describe());
    }
}
