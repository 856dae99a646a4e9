package io.sepsis.genai.llm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Snapshot for {@code GET /genai-health} and later metrics; taking it never calls the LLM.
 *
 * @param status              {@code available}, {@code degraded} (circuit not closed, the last decision failed at the
 *                            provider, or the provider is not configured) or {@code disabled} ({@code LLM_PROVIDER=none})
 * @param circuitState        {@code closed}, {@code open} or {@code half_open}
 * @param lastSuccessAt       last decision with a valid prediction, or null
 * @param lastFailureAt       last degraded decision other than {@code llm_disabled}, or null
 * @param lastFailureReason   its {@code degraded_reason}, or null
 * @param configProblems      settings missing or invalid (names only, never values); empty when configured
 */
public record LlmHealth(String status, String provider, String model, String circuitState, Instant lastSuccessAt,
                        Instant lastFailureAt, String lastFailureReason, int consecutiveFailures,
                        List<String> configProblems, Counters counters) {

    public static final String AVAILABLE = "available";
    public static final String DEGRADED = "degraded";
    public static final String DISABLED = "disabled";

    /**
     * Since start.
     *
     * @param decisions            {@code assess} calls
     * @param successes            decisions that returned a valid prediction
     * @param degradedByReason     degraded decisions by {@code degraded_reason}
     * @param calls                provider calls made (first calls, retries, re-asks)
     * @param callFailuresByReason failed provider calls by {@code LlmException.Reason} (lower case)
     * @param retries              retries after 429/5xx/timeout
     * @param reasks               corrective re-asks after invalid output
     * @param inputTokens          prompt tokens reported by the provider
     * @param outputTokens         completion tokens reported by the provider
     * @param circuitOpened        times the circuit opened
     */
    public record Counters(long decisions, long successes, Map<String, Long> degradedByReason, long calls,
                           Map<String, Long> callFailuresByReason, long retries, long reasks, long inputTokens,
                           long outputTokens, long circuitOpened) {
        public Counters {
            degradedByReason = Map.copyOf(degradedByReason);
            callFailuresByReason = Map.copyOf(callFailuresByReason);
        }
    }

    public LlmHealth {
        configProblems = List.copyOf(configProblems);
    }
}
