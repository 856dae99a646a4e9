package io.sepsis.genai.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One structured line per GenAI decision, including degraded and failed ones, on the {@code audit.genai} logger:
 * request id, hashed patient id, versions, LLM and final risk, rules fired, latency. Never raw patient data: no
 * patient id, no notes, no values, no matched text — rule ids and counts only.
 */
@ApplicationScoped
public class DecisionAudit {
    static final String CATEGORY = "audit.genai";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Entry(String requestId, String patientHash, String status, String degradedReason, String decidedBy,
                        String provider, String model, String promptVersion, String guardrailVersion,
                        String mlModelVersion, Integer llmInitialRisk, int finalRisk, String alertLevel,
                        boolean override, boolean nearMiss, List<String> rulesFired, List<String> discordanceCategories,
                        List<String> injectionFlags, int redactedItems, long llmLatencyMs, double totalMs,
                        int llmAttempts) {
    }

    public void record(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "genai_decision");
        m.put("request_id", e.requestId());
        m.put("patient_hash", e.patientHash());
        m.put("status", e.status());
        m.put("degraded_reason", e.degradedReason());
        m.put("decided_by", e.decidedBy());
        m.put("provider", e.provider());
        m.put("model", e.model());
        m.put("prompt_version", e.promptVersion());
        m.put("guardrail_version", e.guardrailVersion());
        m.put("ml_model_version", e.mlModelVersion());
        m.put("llm_initial_risk", e.llmInitialRisk());
        m.put("final_risk", e.finalRisk());
        m.put("alert_level", e.alertLevel());
        m.put("guardrail_override", e.override());
        m.put("near_miss", e.nearMiss());
        m.put("rules_fired", e.rulesFired());
        m.put("discordance", e.discordanceCategories());
        m.put("injection_flags", e.injectionFlags());
        m.put("redacted_items", e.redactedItems());
        m.put("llm_attempts", e.llmAttempts());
        m.put("llm_latency_ms", e.llmLatencyMs());
        m.put("total_ms", e.totalMs());
        LOG.info(line(m));
    }

    /** A failed decision (bad input is not audited as a decision; an internal failure is). */
    public void failure(String requestId, String patientHash, String what, double totalMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "genai_decision_failed");
        m.put("request_id", requestId);
        m.put("patient_hash", patientHash);
        m.put("error", what);
        m.put("total_ms", totalMs);
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
