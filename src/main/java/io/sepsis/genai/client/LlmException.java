package io.sepsis.genai.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed LLM call, classified. The message holds only what is safe to log: the reason, the HTTP status, an
 * exception class name or a short provider error code, never provider response text (responses can echo prompts,
 * and prompts carry clinical notes).
 */
public final class LlmException extends Exception {

    public enum Reason {
        /** The call did not finish within its budget. */
        TIMEOUT(true),
        /** HTTP 429 / throttling. */
        RATE_LIMITED(true),
        /** HTTP 5xx, or an answer the client library could not read. */
        SERVER_ERROR(true),
        /** HTTP 401/403: key, role or deployment permissions. */
        AUTH(false),
        /** Other 4xx: request rejected (content filter, context length, unsupported parameter, unknown model). */
        BAD_REQUEST(false),
        /** Provider not reachable (connection refused, DNS), not configured, or our call pool is saturated. */
        UNAVAILABLE(true);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether retrying the same request could succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;
    private final int httpStatus;
    private final Duration retryAfter;

    public LlmException(Reason reason, String safeDetail) {
        this(reason, 0, null, safeDetail);
    }

    public LlmException(Reason reason, int httpStatus, Duration retryAfter, String safeDetail) {
        super(reason + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
                + (safeDetail == null || safeDetail.isBlank() ? "" : ": " + safeDetail), null, false, false);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's HTTP status, or 0 when there was none (timeout, connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's Retry-After (or Azure's retry-after-ms), when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
