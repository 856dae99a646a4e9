package io.sepsis.security.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The per-key token bucket on a hand-moved clock: no sleeps. */
class KeyRateLimiterTest {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    KeyRateLimiter limiter(int perMinute, int burst) {
        return new KeyRateLimiter(perMinute, burst, nanos::get);
    }

    static RateLimitConfig config(int perMinute, OptionalInt burst) {
        return new RateLimitConfig() {
            @Override
            public int perKeyPerMinute() {
                return perMinute;
            }

            @Override
            public OptionalInt burst() {
                return burst;
            }
        };
    }

    @Test
    void a_key_may_send_its_burst_then_is_refused_with_the_wait_until_the_next_token() {
        KeyRateLimiter l = limiter(60, 3); // one token per second
        for (int i = 0; i < 3; i++) {
            assertTrue(l.tryAcquire("aaaaaaaaaaaa").allowed(), "request " + i);
        }
        KeyRateLimiter.Verdict refused = l.tryAcquire("aaaaaaaaaaaa");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void tokens_come_back_at_the_sustained_rate() {
        KeyRateLimiter l = limiter(6, 1); // one token every 10 s
        assertTrue(l.tryAcquire("k").allowed());
        assertEquals(10, l.tryAcquire("k").retryAfterSeconds());
        advance(Duration.ofSeconds(4));
        assertEquals(6, l.tryAcquire("k").retryAfterSeconds(), "refused requests take no token");
        advance(Duration.ofMillis(5_500));
        assertEquals(1, l.tryAcquire("k").retryAfterSeconds(), "0.5 s left rounds up to 1");
        advance(Duration.ofMillis(500));
        assertTrue(l.tryAcquire("k").allowed());
        assertFalse(l.tryAcquire("k").allowed());
    }

    @Test
    void an_idle_key_refills_only_up_to_its_burst() {
        KeyRateLimiter l = limiter(60, 5);
        advance(Duration.ofHours(1));
        int allowed = 0;
        while (l.tryAcquire("k").allowed()) {
            allowed++;
        }
        assertEquals(5, allowed);
    }

    @Test
    void each_key_has_its_own_bucket() {
        KeyRateLimiter l = limiter(1, 1);
        assertTrue(l.tryAcquire("key-a").allowed());
        assertFalse(l.tryAcquire("key-a").allowed());
        assertEquals(60, l.tryAcquire("key-a").retryAfterSeconds());
        assertTrue(l.tryAcquire("key-b").allowed(), "another key is not slowed by key-a");
    }

    @Test
    void off_by_default_and_burst_defaults_to_the_per_minute_limit() {
        KeyRateLimiter off = KeyRateLimiter.of(config(0, OptionalInt.empty()));
        assertFalse(off.enabled());
        for (int i = 0; i < 10_000; i++) {
            assertTrue(off.tryAcquire("k").allowed());
        }
        assertEquals("no rate limit", off.describe());

        KeyRateLimiter on = KeyRateLimiter.of(config(120, OptionalInt.empty()));
        assertEquals(120, on.burst());
        assertEquals("120 requests per minute per API key (bursts of up to 120)", on.describe());
        assertEquals(10, KeyRateLimiter.of(config(120, OptionalInt.of(10))).burst());
    }

    @Test
    void invalid_settings_are_refused_at_start_naming_the_variable() {
        var e = assertThrows(IllegalArgumentException.class, () -> KeyRateLimiter.of(config(-1, OptionalInt.empty())));
        assertTrue(e.getMessage().contains("RATE_LIMIT_PER_KEY_PER_MINUTE"));
        e = assertThrows(IllegalArgumentException.class, () -> KeyRateLimiter.of(config(10, OptionalInt.of(0))));
        assertTrue(e.getMessage().contains("RATE_LIMIT_BURST"));
    }
}
