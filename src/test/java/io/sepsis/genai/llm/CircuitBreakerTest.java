package io.sepsis.genai.llm;

import static io.sepsis.genai.llm.CircuitBreaker.Permit.GRANTED;
import static io.sepsis.genai.llm.CircuitBreaker.Permit.PROBE;
import static io.sepsis.genai.llm.CircuitBreaker.Permit.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sepsis.genai.llm.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(GRANTED, breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opens_after_threshold_consecutive_failures() {
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
        fail(1);
        assertEquals(State.OPEN, breaker.state());
        assertEquals(REFUSED, breaker.tryAcquire());
        assertEquals(1, breaker.timesOpened());
    }

    @Test
    void a_success_resets_the_count() {
        fail(2);
        breaker.tryAcquire();
        breaker.onSuccess();
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(2, breaker.consecutiveFailures());
    }

    @Test
    void stays_open_for_the_open_duration_then_lets_exactly_one_probe_through() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertEquals(REFUSED, breaker.tryAcquire());
        now.addAndGet(1);
        assertEquals(PROBE, breaker.tryAcquire());
        assertEquals(State.HALF_OPEN, breaker.state());
        assertEquals(REFUSED, breaker.tryAcquire(), "only one probe at a time");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(GRANTED, breaker.tryAcquire());
    }

    @Test
    void a_failed_probe_reopens_for_a_full_period() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(PROBE, breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals(REFUSED, breaker.tryAcquire());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(PROBE, breaker.tryAcquire());
        assertEquals(2, breaker.timesOpened());
    }

    @Test
    void concurrent_decisions_during_half_open_get_a_single_probe() throws Exception {
        fail(3);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < 64; i++) {
            pool.submit(() -> {
                go.await();
                (breaker.tryAcquire() == PROBE ? probes : refused).incrementAndGet();
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        assertEquals(1, probes.get());
        assertEquals(63, refused.get());
    }

    @Test
    void concurrent_failures_open_it_exactly_once() throws Exception {
        CircuitBreaker big = new CircuitBreaker(100, Duration.ofSeconds(30), now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1_000; i++) {
            pool.submit(big::onFailure);
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        assertEquals(State.OPEN, big.state());
        assertEquals(1, big.timesOpened());
        assertEquals(1_000, big.consecutiveFailures());
    }

    @Test
    void rejects_nonsense_settings() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(1, Duration.ZERO));
    }
}
