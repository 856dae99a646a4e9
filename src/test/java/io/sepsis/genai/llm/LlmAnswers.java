package io.sepsis.genai.llm;

/** Answers a model might give: the contract JSON, valid and in typical broken shapes. */
public final class LlmAnswers {

    private LlmAnswers() {
    }

    /**
     * A complete OpenAI chat-completions response (the OpenAI-compatible wire format) whose one choice carries
     * {@code content}, with the token usage the provider reports.
     */
    public static String openAiCompletion(String model, String content, int promptTokens, int completionTokens) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
                    "id", "cmpl-test", "object", "chat.completion", "created", 1_700_000_000, "model", model,
                    "choices", java.util.List.of(java.util.Map.of("index", 0, "finish_reason", "stop",
                            "message", java.util.Map.of("role", "assistant", "content", content))),
                    "usage", java.util.Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                            "total_tokens", promptTokens + completionTokens)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String valid(int risk) {
        return """
                {"prediction": {"risk_score_0_100": %d, "confidence_level": "High",
                  "confidence_reasoning": "Vitals and lactate agree.", "priority": "Critical",
                  "sepsis_probability_6h": "High", "clinical_rationale": "Hypotension, fever and lactate 3.2 mmol/L."},
                 "clinical_metrics": {"qSOFA_score": 2, "SIRS_met": true, "trend_velocity": "Deteriorating",
                  "organ_stress_indicators": ["lactate 3.2", "SBP 88"]},
                 "logic_gate": {"discordance_detected": false, "primary_driver": "hemodynamic instability",
                  "missing_parameters": ["GCS"]}}
                """.formatted(risk);
    }

    public static final String VALID = valid(82);

    /** Risk 150 and priority "Urgent": well-formed JSON, out of contract. */
    public static final String OUT_OF_RANGE = VALID.replace("\"risk_score_0_100\": 82", "\"risk_score_0_100\": 150")
            .replace("\"priority\": \"Critical\"", "\"priority\": \"Urgent\"");

    public static final String PROSE = "Based on the vitals, this patient is at high risk of sepsis. I would estimate "
            + "a risk of about 80 out of 100 and recommend immediate review.";
}
