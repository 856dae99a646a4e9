package io.sepsis.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per API key id (Bucket4j's lock-free local bucket): {@code burst} tokens, refilled continuously
 * at {@code perMinute} per minute. A request takes one token; with none left it is refused, and
 * {@link Verdict#retryAfterSeconds()} says when the next token arrives (rounded up, at least 1 s). Key ids come only
 * from configured keys (the filter limits after authentication), so the number of buckets is bounded.
 * Per process: with N instances behind a load balancer a key gets up to N times the limit.
 */
public final class KeyRateLimiter {

    /** Whether one request may go ahead; when not, how long to wait (whole seconds, at least 1). */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    private static final KeyRateLimiter OFF = new KeyRateLimiter();

    private final int perMinute;
    private final int burst;
    private final TimeMeter clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private KeyRateLimiter() {
        this.perMinute = 0;
        this.burst = 0;
        this.clock = TimeMeter.SYSTEM_NANOTIME;
    }

    /**
     * @param perMinute sustained requests per minute per key, at least 1
     * @param burst     bucket capacity, at least 1
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}; tests pass a hand-moved clock)
     */
    public KeyRateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_PER_KEY_PER_MINUTE must be positive (0 turns it off)");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_BURST must be positive");
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** No limit: every request is allowed. */
    public static KeyRateLimiter off() {
        return OFF;
    }

    /** From configuration: off when {@code perKeyPerMinute} is 0; burst defaults to the per-minute limit. */
    public static KeyRateLimiter of(RateLimitConfig config) {
        if (config.perKeyPerMinute() < 0) {
            throw new IllegalArgumentException("RATE_LIMIT_PER_KEY_PER_MINUTE must not be negative (0 turns it off)");
        }
        if (config.perKeyPerMinute() == 0) {
            return off();
        }
        return new KeyRateLimiter(config.perKeyPerMinute(), config.burst().orElse(config.perKeyPerMinute()),
                System::nanoTime);
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    public int perMinute() {
        return perMinute;
    }

    public int burst() {
        return burst;
    }

    /** Takes one token from the key's bucket if there is one. */
    public Verdict tryAcquire(String keyId) {
        if (!enabled()) {
            return Verdict.ALLOWED;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        long waitNanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        return new Verdict(false, seconds);
    }

    /** For the 429's detail and the start-up log; names the limit, never a key. */
    public String describe() {
        return enabled()
                ? perMinute + " requests per minute per API key (bursts of up to " + burst + ")"
                : "no rate limit";
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(clock)
                .build();
    }
}
