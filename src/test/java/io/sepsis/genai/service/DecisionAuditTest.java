package io.sepsis.genai.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit line is a contract for log queries: its keys, their order and nulls stay as they are. */
class DecisionAuditTest {

    @Test
    void audit_line_has_the_documented_keys_in_order_with_nulls_kept() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(DecisionAudit.CATEGORY);
        log.addHandler(h);
        try {
            new DecisionAudit().record(new DecisionAudit.Entry("req-1", "a1b2c3", "degraded", "timeout",
                    "ml_baseline+guardrail", "bedrock", "m", "p1", "g1", "sepsis-xgb-x", null, 95, "CRITICAL", true,
                    List.of("sbp_critical"), List.of("qsofa_high_risk"), false, List.of("sbp_critical"),
                    List.of("perfusion"), List.of(), 3, 600L, null, null, 601.5, 2));
        } finally {
            log.removeHandler(h);
        }
        assertEquals(1, lines.size());
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("event", "request_id", "patient_hash", "status", "degraded_reason", "decided_by",
                "provider", "model", "prompt_version", "guardrail_version", "ml_model_version", "llm_initial_risk",
                "final_risk", "alert_level", "guardrail_override", "override_rules", "floors_applied", "near_miss",
                "rules_fired", "discordance", "injection_flags", "redacted_items", "llm_attempts", "llm_latency_ms",
                "llm_input_tokens", "llm_output_tokens", "total_ms"), keys);
        assertEquals("genai_decision", n.get("event").asText());
        assertTrue(n.get("llm_initial_risk").isNull());
        assertTrue(n.get("guardrail_override").asBoolean());
        assertEquals("perfusion", n.get("discordance").get(0).asText());
    }
}
