package io.sepsis.genai.llm;

import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmException;
import io.sepsis.genai.client.LlmReply;
import io.sepsis.genai.client.NoneLlmClient;
import io.sepsis.genai.client.UnconfiguredLlmClient;
import io.sepsis.genai.llm.LlmOutcome.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * One LLM decision, bounded: asks the model, validates the answer, and returns {@link LlmOutcome} without ever
 * throwing.
 *
 * <ul>
 *   <li>One total deadline ({@code genai.deadline}, 8 s) covers everything; each call gets the time left.</li>
 *   <li>At most one retry, after a 429, a 5xx, a connection failure or an early timeout, and only if the wait
 *       (the provider's Retry-After when it sent one, else a short jittered backoff) still leaves
 *       {@code minCallBudget} of the deadline. A Retry-After that does not fit is obeyed by not retrying.</li>
 *   <li>At most one corrective re-ask when the answer fails validation: the same system prompt, the same user message
 *       followed by the validation problems and a demand for the JSON object only.</li>
 *   <li>A circuit breaker stops calling a provider that keeps failing (invalid answers do not count: the provider
 *       did answer).</li>
 * </ul>
 * Neither prompts nor answers are logged: only reasons, counts and timings.
 */
public final class LlmAssessor {

    private static final Logger LOG = Logger.getLogger(LlmAssessor.class);
    private static final int MAX_PROBLEMS_IN_REASK = 12;

    /**
     * @param deadline      total budget of one decision
     * @param retryBackoff  base pause before the retry when no Retry-After was given (jittered up to +50 %)
     * @param minCallBudget a retry or re-ask starts only with at least this much of the deadline left
     */
    public record Settings(Duration deadline, Duration retryBackoff, Duration minCallBudget) {
        public Settings {
            if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofSeconds(20)) > 0) {
                throw new IllegalArgumentException("genai.deadline must be > 0 and at most 20s, was " + deadline);
            }
            if (retryBackoff.isNegative() || minCallBudget.isNegative()) {
                throw new IllegalArgumentException("genai.llm.retry durations must not be negative");
            }
        }
    }

    private final LlmClient client;
    private final Settings settings;
    private final CircuitBreaker breaker;
    private final LlmOutputValidator validator;
    private final Clock wallClock;

    private final LongAdder decisions = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder reasks = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final Map<Reason, LongAdder> degradedByReason = new EnumMap<>(Reason.class);
    private final Map<LlmException.Reason, LongAdder> callFailures = new EnumMap<>(LlmException.Reason.class);
    private final AtomicReference<Instant> lastSuccessAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();
    private final AtomicReference<Reason> lastFailureReason = new AtomicReference<>();

    public LlmAssessor(LlmClient client, Settings settings, CircuitBreaker breaker, LlmOutputValidator validator) {
        this(client, settings, breaker, validator, Clock.systemUTC());
    }

    public LlmAssessor(LlmClient client, Settings settings, CircuitBreaker breaker, LlmOutputValidator validator,
                       Clock wallClock) {
        this.client = client;
        this.settings = settings;
        this.breaker = breaker;
        this.validator = validator;
        this.wallClock = wallClock;
        for (Reason r : Reason.values()) {
            degradedByReason.put(r, new LongAdder());
        }
        for (LlmException.Reason r : LlmException.Reason.values()) {
            callFailures.put(r, new LongAdder());
        }
    }

    public String provider() {
        return client.provider();
    }

    /** True when no LLM is configured ({@code LLM_PROVIDER=none}): every decision is {@code llm_disabled}. */
    public boolean disabled() {
        return client instanceof NoneLlmClient;
    }

    public Settings settings() {
        return settings;
    }

    /** The breaker's thresholds, for reporting. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public String model() {
        return client.model();
    }

    /**
     * Asks the model for the contract JSON.
     *
     * @param system the system prompt (the versioned prompt file's system part)
     * @param user   the user message, already redacted and delimited by the caller; sent unchanged
     */
    public LlmOutcome assess(String system, String user) {
        long start = System.nanoTime();
        decisions.increment();
        if (client instanceof NoneLlmClient) {
            return degraded(Reason.LLM_DISABLED, start, null);
        }
        if (client instanceof UnconfiguredLlmClient) {
            return degraded(Reason.UNAVAILABLE, start, null);
        }
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        if (permit == CircuitBreaker.Permit.REFUSED) {
            return degraded(Reason.CIRCUIT_OPEN, start, null);
        }
        if (permit == CircuitBreaker.Permit.PROBE) {
            LOG.infof("LLM circuit half-open: probing %s", client.provider());
        }
        Attempts a = new Attempts(start + settings.deadline().toNanos());
        CircuitBreaker.State before = breaker.state();
        try {
            LlmOutcome outcome = run(system, user, a, start);
            if (outcome instanceof LlmOutcome.Success || ((LlmOutcome.Degraded) outcome).reason() == Reason.INVALID_OUTPUT) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
            logTransition(before);
            return outcome;
        } catch (RuntimeException | LinkageError unexpected) {
            // Never thrown to the caller: the pathway falls back to the guardrail.
            breaker.onFailure();
            logTransition(before);
            LOG.errorf("LLM decision failed unexpectedly (%s)", unexpected.getClass().getName());
            return degraded(Reason.UNAVAILABLE, start, a);
        }
    }

    private LlmOutcome run(String system, String user, Attempts a, long start) {
        String message = user;
        boolean retried = false;
        boolean reasked = false;
        LlmException lastError = null;
        List<String> lastProblems = null;
        long minBudget = settings.minCallBudget().toNanos();
        while (true) {
            long remaining = a.deadline - System.nanoTime();
            if (remaining <= 0 || (a.count > 0 && remaining < minBudget)) {
                break;
            }
            a.count++;
            calls.increment();
            LlmReply reply;
            try {
                reply = client.complete(system, message, Duration.ofNanos(remaining));
            } catch (LlmException e) {
                callFailures.get(e.reason()).increment();
                lastError = e;
                lastProblems = null;
                if (!retried && e.reason().isTransient() && waitBeforeRetry(e, a.deadline, minBudget)) {
                    retried = true;
                    retries.increment();
                    continue;
                }
                break;
            }
            a.inputTokens += reply.inputTokens();
            a.outputTokens += reply.outputTokens();
            inputTokens.add(reply.inputTokens());
            outputTokens.add(reply.outputTokens());
            LlmOutputValidator.Result result = validator.validate(reply.text());
            if (result instanceof LlmOutputValidator.Valid valid) {
                successes.increment();
                lastSuccessAt.set(wallClock.instant());
                return LlmOutcome.success(valid.prediction(), client.provider(), client.model(), elapsedMs(start),
                        a.inputTokens, a.outputTokens, a.count, reasked);
            }
            lastError = null;
            lastProblems = ((LlmOutputValidator.Invalid) result).problems();
            if (reasked) {
                break;
            }
            reasked = true;
            reasks.increment();
            message = user + correctiveSuffix(lastProblems);
        }
        Reason reason;
        if (lastProblems != null) {
            reason = Reason.INVALID_OUTPUT;
        } else if (lastError != null) {
            reason = switch (lastError.reason()) {
                case TIMEOUT -> Reason.TIMEOUT;
                case RATE_LIMITED -> Reason.RATE_LIMITED;
                case SERVER_ERROR -> Reason.SERVER_ERROR;
                case AUTH -> Reason.AUTH_ERROR;
                case BAD_REQUEST, UNAVAILABLE -> Reason.UNAVAILABLE;
            };
        } else {
            reason = Reason.TIMEOUT;
        }
        if (lastError != null) {
            LOG.warnf("LLM decision degraded: %s after %d call(s) in %d ms (%s, last error: %s)", reason.code(),
                    a.count, elapsedMs(start), client.provider(), lastError.getMessage());
        } else {
            LOG.warnf("LLM decision degraded: %s after %d call(s) in %d ms (%s)", reason.code(), a.count,
                    elapsedMs(start), client.provider());
        }
        return degraded(reason, start, a);
    }

    /** Sleeps before the single retry if the wait leaves enough of the deadline; false when it does not. */
    private boolean waitBeforeRetry(LlmException e, long deadline, long minBudget) {
        long waitNanos = e.retryAfter()
                .map(Duration::toNanos)
                .orElseGet(() -> {
                    long base = settings.retryBackoff().toNanos();
                    return base + (base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1));
                });
        if (deadline - (System.nanoTime() + waitNanos) < minBudget) {
            return false;
        }
        try {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What the re-ask appends to the original user message: the validation problems (field names and rules only,
     * never the model's text) and the demand for the JSON object alone.
     */
    public static String correctiveSuffix(List<String> problems) {
        StringBuilder sb = new StringBuilder("\n\n---\nYour previous answer could not be used:\n");
        problems.stream().limit(MAX_PROBLEMS_IN_REASK).forEach(p -> sb.append("- ").append(p).append('\n'));
        if (problems.size() > MAX_PROBLEMS_IN_REASK) {
            sb.append("- and ").append(problems.size() - MAX_PROBLEMS_IN_REASK).append(" more\n");
        }
        sb.append("Answer again with ONLY the JSON object in the required format: no prose, no Markdown, every field "
                + "present, enum values spelled exactly as given, numbers within their ranges.");
        return sb.toString();
    }

    /** @param a the calls made, or null when none was */
    private LlmOutcome.Degraded degraded(Reason reason, long start, Attempts a) {
        degradedByReason.get(reason).increment();
        if (reason != Reason.LLM_DISABLED) {
            lastFailureAt.set(wallClock.instant());
            lastFailureReason.set(reason);
        }
        return a == null ? LlmOutcome.degraded(reason, client.provider(), client.model(), elapsedMs(start), 0, 0, 0)
                : LlmOutcome.degraded(reason, client.provider(), client.model(), elapsedMs(start), a.count,
                a.inputTokens, a.outputTokens);
    }

    private void logTransition(CircuitBreaker.State before) {
        CircuitBreaker.State after = breaker.state();
        if (after == before) {
            return;
        }
        if (after == CircuitBreaker.State.OPEN) {
            LOG.warnf("LLM circuit OPEN after %d consecutive failures: %s not called for %d s", breaker
                    .consecutiveFailures(), client.provider(), breaker.openDuration().toSeconds());
        } else if (after == CircuitBreaker.State.CLOSED) {
            LOG.infof("LLM circuit closed: %s answering again", client.provider());
        }
    }

    /** Never calls the LLM. */
    public LlmHealth health() {
        CircuitBreaker.State state = breaker.state();
        List<String> problems = client instanceof UnconfiguredLlmClient u ? u.problems() : List.of();
        String status;
        if (client instanceof NoneLlmClient) {
            status = LlmHealth.DISABLED;
        } else if (!problems.isEmpty() || state != CircuitBreaker.State.CLOSED || breaker.consecutiveFailures() > 0) {
            status = LlmHealth.DEGRADED;
        } else {
            status = LlmHealth.AVAILABLE;
        }
        Map<String, Long> degraded = new TreeMap<>();
        degradedByReason.forEach((r, n) -> degraded.put(r.code(), n.sum()));
        Map<String, Long> failures = new TreeMap<>();
        callFailures.forEach((r, n) -> failures.put(r.name().toLowerCase(Locale.ROOT), n.sum()));
        Reason lastReason = lastFailureReason.get();
        return new LlmHealth(status, client.provider(), client.model(), state.name().toLowerCase(Locale.ROOT),
                lastSuccessAt.get(), lastFailureAt.get(), lastReason == null ? null : lastReason.code(),
                breaker.consecutiveFailures(), problems,
                new LlmHealth.Counters(decisions.sum(), successes.sum(), degraded, calls.sum(), failures,
                        retries.sum(), reasks.sum(), inputTokens.sum(), outputTokens.sum(), breaker.timesOpened()));
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Per-decision tallies. */
    private static final class Attempts {
        final long deadline;
        int count;
        int inputTokens;
        int outputTokens;

        Attempts(long deadline) {
            this.deadline = deadline;
        }
    }
}
