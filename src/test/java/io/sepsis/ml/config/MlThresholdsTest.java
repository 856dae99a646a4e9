package io.sepsis.ml.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlThresholdsTest {
    static final String VALID = """
            {"version": "t1", "alert_threshold": 0.10,
             "risk_levels": {"moderate_from": 0.05, "high_from": "alert_threshold", "critical_from": 0.30},
             "escalation_floors": [
               {"criterion": "septic_shock", "min_level": "CRITICAL", "rationale": "r", "source": "Sepsis-3"},
               {"criterion": "qsofa_ge_2", "min_level": "HIGH", "rationale": "r", "source": "Seymour 2016"}]}
            """;

    static MlThresholds parse(String json) throws MlThresholdsParser.InvalidThresholdsException {
        return MlThresholdsParser.parse(json.getBytes(StandardCharsets.UTF_8), "test", Instant.EPOCH);
    }

    @Test
    void risk_score_is_50_at_the_alert_threshold_and_80_at_the_critical_cut() throws Exception {
        MlThresholds t = parse(VALID);
        assertEquals(0, t.riskScore(0));
        assertEquals(25, t.riskScore(0.05));
        assertEquals(50, t.riskScore(0.10));
        assertEquals(49, t.riskScore(0.0999));
        assertEquals(80, t.riskScore(0.30));
        assertEquals(100, t.riskScore(1.0));
        assertEquals(90, t.riskScore(0.65));
        assertEquals(RiskLevel.HIGH, t.level(0.10));
        assertEquals(RiskLevel.MODERATE, t.level(0.0999));
        assertTrue(t.alert(0.10));
        assertFalse(t.alert(0.0999));
    }

    @Test
    void risk_score_never_decreases_with_probability() throws Exception {
        MlThresholds t = parse(VALID);
        int prev = 0;
        for (int i = 0; i <= 10000; i++) {
            int s = t.riskScore(i / 10000.0);
            assertTrue(s >= prev, "score fell at p=" + i / 10000.0);
            assertEquals(t.alert(i / 10000.0), s >= 50, "alert and HIGH disagree at p=" + i / 10000.0);
            prev = s;
        }
    }

    @Test
    void the_shipped_thresholds_file_is_valid() throws Exception {
        MlThresholds t = MlThresholdsParser.parse(Files.readAllBytes(Path.of("config/ml-thresholds.json")),
                "config/ml-thresholds.json", Instant.now());
        assertTrue(t.floors().size() >= 2);
        assertTrue(t.floors().stream().allMatch(f -> !f.source().isBlank()), "every floor cites its source");
    }

    @Test
    void invalid_file_reports_every_reason() {
        var e = assertThrows(MlThresholdsParser.InvalidThresholdsException.class, () -> parse("""
                {"version": "", "alert_treshold": 0.1, "alert_threshold": 1.5,
                 "risk_levels": {"moderate_from": 0.5, "high_from": 0.2, "critical_from": 0.01},
                 "escalation_floors": [{"criterion": "moon_phase", "min_level": "LOW", "rationale": "x", "source": "y"}]}
                """));
        List<String> r = e.reasons();
        assertTrue(r.stream().anyMatch(s -> s.startsWith("version")), r.toString());
        assertTrue(r.stream().anyMatch(s -> s.startsWith("alert_treshold: unknown key")), r.toString());
        assertTrue(r.stream().anyMatch(s -> s.startsWith("alert_threshold: must be strictly between")), r.toString());
        assertTrue(r.stream().anyMatch(s -> s.startsWith("risk_levels.high_from")), r.toString());
        assertTrue(r.stream().anyMatch(s -> s.contains("moon_phase")), r.toString());
        assertTrue(r.stream().anyMatch(s -> s.contains("LOW is not a floor")), r.toString());
    }

    @Test
    void cut_points_out_of_order_are_refused() {
        var e = assertThrows(MlThresholdsParser.InvalidThresholdsException.class, () -> parse(VALID
                .replace("\"moderate_from\": 0.05", "\"moderate_from\": 0.2")));
        assertTrue(e.reasons().contains("risk_levels.moderate_from: must be below alert_threshold"), e.reasons().toString());
    }

    @Test
    void malformed_json_is_refused_with_its_position() {
        var e = assertThrows(MlThresholdsParser.InvalidThresholdsException.class, () -> parse("{\"version\": "));
        assertTrue(e.reasons().get(0).startsWith("not valid JSON"));
    }

    @Test
    void an_alert_threshold_written_twice_is_refused() {
        var e = assertThrows(MlThresholdsParser.InvalidThresholdsException.class,
                () -> parse(VALID.replace("\"alert_threshold\": 0.10,", "\"alert_threshold\": 0.10, \"alert_threshold\": 0.9,")));
        assertTrue(e.reasons().get(0).endsWith("duplicate key 'alert_threshold'"), e.reasons().toString());
    }

    @Test
    void site_prevalence_is_optional_and_needs_a_share_and_its_source() throws Exception {
        assertEquals(null, parse(VALID).sitePrevalence());
        assertEquals(null, parse(VALID.replaceFirst("\\{", "{\"site_prevalence\": null,")).sitePrevalence());
        MlThresholds t = parse(VALID.replaceFirst("\\{",
                "{\"site_prevalence\": {\"septic_stay_rate\": 0.06, \"source\": \"ICU surveillance 2025\"},"));
        assertEquals(0.06, t.sitePrevalence().septicStayRate());
        assertEquals("ICU surveillance 2025", t.sitePrevalence().source());

        for (String bad : new String[]{"{\"septic_stay_rate\": 6, \"source\": \"s\"}", "{\"septic_stay_rate\": 0, \"source\": \"s\"}",
                "{\"septic_stay_rate\": \"6%\", \"source\": \"s\"}", "{\"septic_stay_rate\": 0.06}",
                "{\"septic_stay_rate\": 0.06, \"source\": \"s\", \"rate\": 1}", "0.06"}) {
            var e = assertThrows(MlThresholdsParser.InvalidThresholdsException.class,
                    () -> parse(VALID.replaceFirst("\\{", "{\"site_prevalence\": " + bad + ",")), bad);
            assertTrue(e.reasons().stream().allMatch(r -> r.startsWith("site_prevalence")), bad + ": " + e.reasons());
        }
    }
}
