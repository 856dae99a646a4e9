package io.sepsis.genai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.genai.llm.LlmPrediction.ConfidenceLevel;
import io.sepsis.genai.llm.LlmPrediction.TrendVelocity;
import io.sepsis.guardrail.Priority;
import io.sepsis.guardrail.Probability6h;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmOutputValidatorTest {

    private final LlmOutputValidator validator = new LlmOutputValidator();

    private LlmPrediction valid(String text) {
        return assertInstanceOf(LlmOutputValidator.Valid.class, validator.validate(text)).prediction();
    }

    private List<String> problems(String text) {
        return assertInstanceOf(LlmOutputValidator.Invalid.class, validator.validate(text)).problems();
    }

    private static boolean any(List<String> problems, String fragment) {
        return problems.stream().anyMatch(p -> p.contains(fragment));
    }

    @Test
    void contract_json_is_read_field_by_field() {
        LlmPrediction p = valid(LlmAnswers.VALID);
        assertEquals(82, p.riskScore());
        assertEquals(ConfidenceLevel.HIGH, p.prediction().confidenceLevel());
        assertEquals("Vitals and lactate agree.", p.prediction().confidenceReasoning());
        assertEquals(Priority.CRITICAL, p.prediction().priority());
        assertEquals(Probability6h.HIGH, p.prediction().sepsisProbability6h());
        assertTrue(p.prediction().clinicalRationale().startsWith("Hypotension"));
        assertEquals(2, p.clinicalMetrics().qsofaScore());
        assertTrue(p.clinicalMetrics().sirsMet());
        assertEquals(TrendVelocity.DETERIORATING, p.clinicalMetrics().trendVelocity());
        assertEquals(List.of("lactate 3.2", "SBP 88"), p.clinicalMetrics().organStressIndicators());
        assertFalse(p.logicGate().discordanceDetected());
        assertEquals("hemodynamic instability", p.logicGate().primaryDriver());
        assertEquals(List.of("GCS"), p.logicGate().missingParameters());
    }

    @Test
    void whitespace_and_a_single_json_code_fence_are_tolerated() {
        assertEquals(82, valid("\n\n  " + LlmAnswers.VALID + "  \n").riskScore());
        assertEquals(82, valid("```json\n" + LlmAnswers.VALID + "\n```").riskScore());
        assertEquals(82, valid("  ```\n" + LlmAnswers.VALID + "```\n").riskScore());
    }

    @Test
    void prose_instead_of_json_is_invalid() {
        assertTrue(any(problems(LlmAnswers.PROSE), "not a JSON object"));
        assertTrue(any(problems("Here is the assessment:\n```json\n" + LlmAnswers.VALID + "\n```"), "not a JSON object"));
        assertTrue(any(problems("```json\n" + LlmAnswers.VALID + "\n```\nLet me know if you need more."), "alone"));
        assertTrue(any(problems(LlmAnswers.VALID + "\nI hope this helps."), "text after the JSON object"));
        assertTrue(any(problems(""), "empty"));
        assertTrue(any(problems(null), "empty"));
        assertTrue(any(problems("[" + LlmAnswers.VALID + "]"), "not a JSON object"));
        assertTrue(any(problems("{\"prediction\": "), "not valid JSON"));
    }

    @Test
    void missing_risk_score_is_invalid_never_zero() {
        List<String> p = problems(LlmAnswers.VALID.replace("\"risk_score_0_100\": 82,", ""));
        assertEquals(List.of("prediction.risk_score_0_100: required, must be an integer 0-100"), p);
        assertTrue(any(problems(LlmAnswers.VALID.replace("82", "null")), "risk_score_0_100: required"));
    }

    @Test
    void risk_score_must_be_an_integer_from_0_to_100() {
        assertTrue(any(problems(LlmAnswers.valid(150)), "risk_score_0_100: must be an integer 0-100 (got 150)"));
        assertTrue(any(problems(LlmAnswers.valid(-1)), "(got -1)"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("82", "\"82\"")), "(got a string)"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("82", "82.5")), "(got a fractional number)"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("82", "1e40")), "risk_score_0_100"));
        assertEquals(82, valid(LlmAnswers.VALID.replace(": 82", ": 82.0")).riskScore());
        assertEquals(0, valid(LlmAnswers.valid(0)).riskScore());
        assertEquals(100, valid(LlmAnswers.valid(100)).riskScore());
    }

    @Test
    void enums_must_be_spelled_as_the_contract_spells_them() {
        assertTrue(any(problems(LlmAnswers.OUT_OF_RANGE),
                "prediction.priority: must be exactly one of Standard, High, Critical"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"Critical\"", "\"critical\"")), "prediction.priority"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"Deteriorating\"", "\"Worsening\"")),
                "clinical_metrics.trend_velocity: must be exactly one of Improving, Stable, Deteriorating"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"confidence_level\": \"High\"", "\"confidence_level\": 3")),
                "prediction.confidence_level: must be one of High, Medium, Low (got an integer)"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"sepsis_probability_6h\": \"High\"",
                "\"sepsis_probability_6h\": \"Medium\"")), "sepsis_probability_6h: must be exactly one of Low, Moderate, High"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        List<String> p = problems(LlmAnswers.OUT_OF_RANGE
                .replace("\"qSOFA_score\": 2", "\"qSOFA_score\": 4")
                .replace("\"SIRS_met\": true", "\"SIRS_met\": \"yes\""));
        assertEquals(4, p.size(), p.toString());
        assertTrue(any(p, "clinical_metrics.qSOFA_score: must be an integer 0-3 (got 4)"));
        assertTrue(any(p, "clinical_metrics.SIRS_met: must be true or false (got a string)"));
    }

    @Test
    void problems_never_quote_the_models_text() {
        String hostile = LlmAnswers.VALID.replace("\"Critical\"", "\"Patient John Smith, MRN 123\"");
        assertFalse(any(problems(hostile), "John Smith"));
    }

    @Test
    void sections_lists_and_booleans_are_typed() {
        assertTrue(any(problems(LlmAnswers.VALID.replaceFirst("\"logic_gate\": \\{[^}]*}", "\"logic_gate\": \"none\"")),
                "logic_gate: must be a JSON object"));
        assertTrue(any(problems("{\"prediction\": {}, \"clinical_metrics\": {}}"), "logic_gate: required object is missing"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("[\"GCS\"]", "\"GCS\"")),
                "logic_gate.missing_parameters: must be a list of strings (got a string)"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("[\"GCS\"]", "[\"GCS\", 7]")),
                "logic_gate.missing_parameters[1]: must be a non-empty string"));
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"discordance_detected\": false", "\"discordance_detected\": 0")),
                "logic_gate.discordance_detected: must be true or false"));
        assertEquals(List.of(), valid(LlmAnswers.VALID.replace("[\"GCS\"]", "[]")).logicGate().missingParameters());
    }

    @Test
    void strings_are_required_and_bounded() {
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"hemodynamic instability\"", "\"  \"")),
                "logic_gate.primary_driver: must not be empty"));
        String longRationale = "x".repeat(LlmOutputValidator.MAX_RATIONALE_CHARS + 1);
        assertTrue(any(problems(LlmAnswers.VALID.replace("Hypotension, fever and lactate 3.2 mmol/L.", longRationale)),
                "prediction.clinical_rationale: at most"));
        String manyItems = "[" + "\"a\",".repeat(LlmOutputValidator.MAX_LIST_ITEMS) + "\"a\"]";
        assertTrue(any(problems(LlmAnswers.VALID.replace("[\"lactate 3.2\", \"SBP 88\"]", manyItems)),
                "organ_stress_indicators: at most"));
        assertTrue(any(problems(" ".repeat(LlmOutputValidator.MAX_ANSWER_CHARS + 1) + "{}"), "longer than"));
    }

    @Test
    void duplicate_keys_are_invalid_unknown_fields_are_ignored() {
        assertTrue(any(problems(LlmAnswers.VALID.replace("\"risk_score_0_100\": 82,",
                "\"risk_score_0_100\": 82, \"risk_score_0_100\": 5,")), "duplicate key"));
        assertEquals(82, valid(LlmAnswers.VALID.replace("\"logic_gate\"", "\"note\": \"extra\", \"logic_gate\""))
                .riskScore());
    }
}
