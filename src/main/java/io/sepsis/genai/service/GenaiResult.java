package io.sepsis.genai.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sepsis.api.ScoresView;

import java.util.List;
import java.util.Map;

/** Wire format of one GenAI decision (field names from docs/API-CONTRACT.md, extended). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GenaiResult(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("patient_id") String patientId,
        String status,
        @JsonProperty("degraded_reason") String degradedReason,
        @JsonProperty("decided_by") String decidedBy,
        @JsonProperty("risk_score") int riskScore,
        String priority,
        @JsonProperty("sepsis_probability_6h") String sepsisProbability6h,
        @JsonProperty("confidence_level") String confidenceLevel,
        @JsonProperty("clinical_rationale") String clinicalRationale,
        @JsonProperty("alert_level") String alertLevel,
        @JsonProperty("alert_color") String alertColor,
        @JsonProperty("action_required") String actionRequired,
        @JsonProperty("guardrail_override") boolean guardrailOverride,
        @JsonProperty("override_reasons") List<String> overrideReasons,
        List<String> escalations,
        @JsonProperty("llm_initial_risk_score") Integer llmInitialRiskScore,
        @JsonProperty("near_miss") boolean nearMiss,
        @JsonProperty("early_warnings") List<String> earlyWarnings,
        @JsonProperty("history_context") List<String> historyContext,
        List<Discordance> discordance,
        @JsonProperty("rules_breached") List<Breach> rulesBreached,
        @JsonProperty("differential_diagnoses") List<String> differentialDiagnoses,
        @JsonProperty("clinical_scores") ScoresView clinicalScores,
        @JsonProperty("ml_baseline") MlBaseline mlBaseline,
        Map<String, Integer> redactions,
        @JsonProperty("injection_flags") List<String> injectionFlags,
        @JsonProperty("guardrail_version") String guardrailVersion,
        @JsonProperty("prompt_version") String promptVersion,
        Llm llm,
        List<String> warnings,
        @JsonProperty("total_processing_time_ms") double totalProcessingTimeMs) {

    /** A concerning phrase found in the notes (not negated), with its category. */
    public record Discordance(String category, String label, String phrase) {
    }

    /** A breached guardrail rule, with its source. */
    public record Breach(String id, String category, String condition, Double value, String unit, String role,
                         String source) {
    }

    /** The ML pathway's answer for the latest values: the deterministic baseline when the LLM is not used. */
    public record MlBaseline(@JsonProperty("sepsis_probability") double sepsisProbability,
                             @JsonProperty("risk_score") int riskScore, @JsonProperty("risk_level") String riskLevel,
                             @JsonProperty("model_version") String modelVersion,
                             @JsonProperty("thresholds_version") String thresholdsVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Llm(String provider, String model, @JsonProperty("latency_ms") long latencyMs,
                      @JsonProperty("input_tokens") Integer inputTokens,
                      @JsonProperty("output_tokens") Integer outputTokens, int attempts, Boolean reasked) {
    }
}
