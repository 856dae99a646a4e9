package io.sepsis.genai.llm;

/**
 * The result of one {@link LlmAssessor#assess} decision: a validated prediction, or an explicit degradation saying
 * why (the pipeline then answers with the deterministic guardrail's result and {@code degraded_reason}).
 */
public sealed interface LlmOutcome permits LlmOutcome.Success, LlmOutcome.Degraded {

    String provider();

    String model();

    /** Wall time of the whole decision, retries, backoff and re-ask included. */
    long latencyMs();

    /** Provider calls made (0 when disabled or the circuit was open). */
    int attempts();

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * @param reasked true when the first answer was invalid and this prediction came from the corrective re-ask
     */
    record Success(LlmPrediction prediction, String provider, String model, long latencyMs, int inputTokens,
                   int outputTokens, int attempts, boolean reasked) implements LlmOutcome {
    }

    /** @param inputTokens tokens of the calls that were made and answered (a refused answer is paid for too) */
    record Degraded(Reason reason, String provider, String model, long latencyMs, int attempts, int inputTokens,
                    int outputTokens) implements LlmOutcome {

        /** The {@code degraded_reason} string of the API. */
        public String reasonCode() {
            return reason.code();
        }
    }

    enum Reason {
        /** {@code LLM_PROVIDER=none}. */
        LLM_DISABLED("llm_disabled"),
        /** Recent decisions failed; the provider is not called until the circuit's open period ends. */
        CIRCUIT_OPEN("circuit_open"),
        TIMEOUT("timeout"),
        RATE_LIMITED("rate_limited"),
        SERVER_ERROR("server_error"),
        /** 401/403: key, role or deployment permissions. */
        AUTH_ERROR("auth_error"),
        /** The answer failed validation, including after the corrective re-ask. */
        INVALID_OUTPUT("invalid_output"),
        /**
         * Provider unreachable, not configured, call queue full, or the request itself refused (4xx other than
         * 401/403/408/429, e.g. a content filter or context length).
         */
        UNAVAILABLE("unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static Success success(LlmPrediction prediction, String provider, String model, long latencyMs, int inputTokens,
                           int outputTokens, int attempts, boolean reasked) {
        return new Success(prediction, provider, model, latencyMs, inputTokens, outputTokens, attempts, reasked);
    }

    static Degraded degraded(Reason reason, String provider, String model, long latencyMs, int attempts,
                             int inputTokens, int outputTokens) {
        return new Degraded(reason, provider, model, latencyMs, attempts, inputTokens, outputTokens);
    }
}
