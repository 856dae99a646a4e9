package io.sepsis.genai.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of the call running on this thread, so the transport underneath LangChain4j (our HTTP client for the
 * OpenAI protocol, the AWS SDK request for Bedrock) can give that one request exactly the time left, although the
 * chat model objects are built once with a fixed timeout.
 */
final class CallDeadline {

    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private CallDeadline() {
    }

    static void set(long deadlineNanos) {
        DEADLINE_NANOS.set(deadlineNanos);
    }

    static void clear() {
        DEADLINE_NANOS.remove();
    }

    /** Time left on this thread's call, capped at {@code max}; {@code max} when no call deadline is set. */
    static Duration remainingOr(Duration max) {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline == null) {
            return max;
        }
        long left = deadline - System.nanoTime();
        Duration remaining = Duration.ofNanos(Math.max(left, 1_000_000L)); // at least 1 ms: a zero timeout is invalid
        return remaining.compareTo(max) < 0 ? remaining : max;
    }

    static Optional<Long> deadlineNanos() {
        return Optional.ofNullable(DEADLINE_NANOS.get());
    }
}
