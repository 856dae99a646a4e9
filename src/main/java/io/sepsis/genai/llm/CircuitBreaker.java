package io.sepsis.genai.llm;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Consecutive-failure circuit breaker for the LLM provider. CLOSED: calls go through; {@code failureThreshold}
 * failed decisions in a row open it. OPEN: callers are refused at once for {@code openDuration}. Then HALF_OPEN:
 * exactly one probe decision goes through (others are still refused); its success closes the circuit, its failure
 * opens it for another period. Thread-safe; the clock is injectable so tests need not sleep.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What a caller learns from {@link #tryAcquire()}. */
    public enum Permit { GRANTED, PROBE, REFUSED }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;
    private boolean probeInFlight;
    private long timesOpened;

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, System::nanoTime);
    }

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a decision may call the provider now; every granted permit must be followed by one report. */
    public synchronized Permit tryAcquire() {
        switch (state) {
            case CLOSED:
                return Permit.GRANTED;
            case OPEN:
                if (nanoClock.getAsLong() - openedAtNanos < openNanos) {
                    return Permit.REFUSED;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return Permit.PROBE;
            default: // HALF_OPEN
                if (probeInFlight) {
                    return Permit.REFUSED;
                }
                probeInFlight = true;
                return Permit.PROBE;
        }
    }

    /** The provider answered (even if the answer was then found invalid). */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        probeInFlight = false;
        state = State.CLOSED;
    }

    /** The provider failed: timeout, 429, 5xx, auth, unreachable, rejected request. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        boolean wasProbe = state == State.HALF_OPEN;
        probeInFlight = false;
        if (wasProbe || (state == State.CLOSED && consecutiveFailures >= failureThreshold)) {
            state = State.OPEN;
            openedAtNanos = nanoClock.getAsLong();
            timesOpened++;
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** How many times the circuit has opened since start. */
    public synchronized long timesOpened() {
        return timesOpened;
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    public Duration openDuration() {
        return Duration.ofNanos(openNanos);
    }
}
