package io.sepsis.genai.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One structured line per GenAI decision, including degraded and failed ones, on the {@code audit.genai} logger:
 * request id, hashed patient id, versions, LLM and final risk, rules fired, latency, tokens. Never raw patient data:
 * no patient id, no notes, no values, no matched text — rule ids and counts only. The same entry updates the
 * pathway's meters ({@link GenaiMetrics}).
 */
@ApplicationScoped
public class DecisionAudit {
    static final String CATEGORY = "audit.genai";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One decision as logged; key names (snake_case) are what log queries rely on: keep them stable. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"event", "request_id", "patient_hash", "status", "degraded_reason", "decided_by", "provider",
            "model", "prompt_version", "guardrail_version", "ml_model_version", "llm_initial_risk", "final_risk",
            "alert_level", "guardrail_override", "override_rules", "floors_applied", "near_miss", "rules_fired",
            "discordance", "injection_flags", "redacted_items", "llm_attempts", "llm_latency_ms", "llm_input_tokens",
            "llm_output_tokens", "total_ms"})
    public record Entry(String requestId, String patientHash, String status, String degradedReason, String decidedBy,
                        String provider, String model, String promptVersion, String guardrailVersion,
                        String mlModelVersion, Integer llmInitialRisk, int finalRisk, String alertLevel,
                        @JsonProperty("guardrail_override") boolean override, List<String> overrideRules,
                        List<String> floorsApplied, boolean nearMiss, List<String> rulesFired, @JsonProperty("discordance") List<String> discordanceCategories,
                        List<String> injectionFlags, int redactedItems, long llmLatencyMs, Integer llmInputTokens,
                        Integer llmOutputTokens, double totalMs, int llmAttempts) {
        @JsonProperty("event")
        public String event() {
            return "genai_decision";
        }
    }

    private final GenaiMetrics metrics;

    @Inject
    public DecisionAudit(GenaiMetrics metrics) {
        this.metrics = metrics;
    }

    /** Log line and in-memory meters only (tests, benchmarks). */
    public DecisionAudit() {
        this(GenaiMetrics.inMemory());
    }

    public void record(Entry e) {
        metrics.record(e);
        try {
            LOG.info(JSON.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            LOG.info("{\"event\":\"audit_serialisation_failed\"}");
        }
    }

    /** A failed decision (bad input is not audited as a decision; an internal failure is). */
    public void failure(String requestId, String patientHash, String what, double totalMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "genai_decision_failed");
        m.put("request_id", requestId);
        m.put("patient_hash", patientHash);
        m.put("error", what);
        m.put("total_ms", totalMs);
        metrics.failed();
        LOG.warn(line(m));
    }

    static String line(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            return "{\"event\":\"audit_serialisation_failed\"}";
        }
    }
}
