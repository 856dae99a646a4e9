package io.sepsis.guardrail;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import io.sepsis.guardrail.config.DecisionPolicy;
import io.sepsis.guardrail.config.GuardrailConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** decide(): override, floors, alert mapping, degraded path. */
class DecisionTest {
    static final Observation SEPTIC_SHOCK = Obs.of(Field.SBP, 82, Field.DBP, 50, Field.Lactate, 4.2, Field.HR, 72);
    static final Observation CALM = Obs.of(Field.SBP, 128, Field.DBP, 78, Field.HR, 72, Field.Resp, 14,
            Field.Temp, 36.8, Field.O2Sat, 98);

    static GuardrailDecision decide(Observation o, String notes, LlmView llm, int baseline) {
        GuardrailConfig cfg = Shipped.config();
        GuardrailAssessment a = Patients.assess(cfg, o, null, null, notes);
        return GuardrailEngine.decide(cfg, a, llm, baseline);
    }

    /** The LLM's answer by the contract's spellings; null (or an unknown spelling) = not given. */
    static LlmView llm(int risk, String priority, String probability) {
        return new LlmView(risk, Priority.ofWire(priority).orElse(null), Probability6h.ofWire(probability).orElse(null));
    }

    @Test
    void septic_shock_overrides_low_ai_risk() {
        GuardrailDecision d = decide(SEPTIC_SHOCK, null, llm(30, "Standard", "Low"), 0);
        assertTrue(d.guardrailOverride());
        assertEquals(95, d.riskScore());
        assertEquals(Priority.CRITICAL, d.priority());
        assertEquals(Probability6h.HIGH, d.sepsisProbability6h());
        assertEquals(AlertLevel.CRITICAL, d.alertLevel());
        assertEquals("red", d.alertColor());
        assertTrue(d.actionRequired().startsWith("Immediate bedside review"));
        assertEquals(30, d.llmInitialRiskScore());
        assertTrue(d.overrideReasons().stream().anyMatch(r -> r.startsWith("sbp_critical (hemodynamic, trigger): SBP 82")));
        assertTrue(d.overrideReasons().stream().anyMatch(r -> r.startsWith("lactate_severe")));
        assertTrue(d.overrideReasons().stream().anyMatch(r -> r.startsWith("septic_shock: ")));
        assertFalse(d.nearMiss());
    }

    @Test
    void any_single_trigger_overrides_an_llm_below_80() {
        GuardrailDecision d = decide(Obs.of(Field.Platelets, 35), null, llm(79, "High", "Moderate"), 0);
        assertTrue(d.guardrailOverride());
        assertEquals(95, d.riskScore());
        assertEquals(List.of("platelets_critical (hematologic, trigger): Platelets 35 < 50 thousand/µL"),
                d.overrideReasons());
    }

    @Test
    void breached_rules_are_reported_even_when_the_llm_already_said_critical() {
        GuardrailDecision d = decide(SEPTIC_SHOCK, null, llm(88, "Critical", "High"), 0);
        assertFalse(d.guardrailOverride());
        assertEquals(88, d.riskScore(), "the LLM's own critical score stands");
        assertEquals(AlertLevel.CRITICAL, d.alertLevel());
        assertTrue(d.overrideReasons().size() >= 3, d.overrideReasons().toString());
        assertTrue(d.overrideReasons().get(0).startsWith("sbp_critical"));
    }

    @Test
    void info_rules_are_not_override_reasons() {
        GuardrailDecision d = decide(Obs.of(Field.HR, 95, Field.Creatinine, 2.2), null, llm(20, "Standard", "Low"), 0);
        assertTrue(d.overrideReasons().isEmpty());
        assertFalse(d.guardrailOverride());
    }

    @Test
    void early_warning_pattern_without_trigger_raises_to_70_high() {
        GuardrailDecision d = decide(Obs.of(Field.HR, 98, Field.Resp, 23, Field.SBP, 125), null,
                llm(25, "Standard", "Low"), 0);
        assertFalse(d.guardrailOverride());
        assertEquals(70, d.riskScore());
        assertEquals(Priority.HIGH, d.priority());
        assertEquals(AlertLevel.HIGH, d.alertLevel());
        assertEquals("orange", d.alertColor());
        assertEquals(Probability6h.MODERATE, d.sepsisProbability6h(), "raised from the LLM's Low to HIGH's lowest");
        assertTrue(d.escalations().get(0).startsWith("early_warning_pattern (early_sepsis_vitals): risk 25 -> 70"),
                d.escalations().toString());
    }

    @Test
    void notes_discordance_raises_risk_below_60_to_70() {
        GuardrailDecision d = decide(CALM, "skin mottled over knees", llm(35, "Standard", "Low"), 0);
        assertEquals(70, d.riskScore());
        assertEquals(AlertLevel.HIGH, d.alertLevel());
        assertTrue(d.escalations().get(0).startsWith("notes_discordance (perfusion: \"mottled skin\")"),
                d.escalations().toString());
    }

    @Test
    void notes_discordance_leaves_a_risk_of_60_or_more_as_it_is() {
        GuardrailDecision d = decide(CALM, "skin mottled over knees", llm(62, "High", "Moderate"), 0);
        assertEquals(62, d.riskScore());
        assertTrue(d.escalations().isEmpty());
    }

    @Test
    void negated_notes_raise_nothing() {
        GuardrailDecision d = decide(CALM, "no mottling, denies dyspnea, cap refill < 2 seconds",
                llm(20, "Standard", "Low"), 0);
        assertEquals(20, d.riskScore());
        assertEquals(AlertLevel.STANDARD, d.alertLevel());
        assertEquals("green", d.alertColor());
        assertFalse(d.raised());
    }

    @Test
    void qsofa_of_two_floors_at_high() {
        GuardrailDecision d = decide(Obs.of(Field.Resp, 22, Field.SBP, 100), null, llm(30, "Standard", "Low"), 0);
        assertEquals(50, d.riskScore());
        assertEquals(AlertLevel.HIGH, d.alertLevel());
        assertTrue(d.escalations().get(0).startsWith("qsofa_high_risk (qSOFA 2)"), d.escalations().toString());
        GuardrailDecision gcs = decide(Obs.of(Field.Resp, 21, Field.SBP, 100, Field.GCS, 14), null,
                llm(30, "Standard", "Low"), 0);
        assertEquals(50, gcs.riskScore());
        GuardrailDecision one = decide(Obs.of(Field.Resp, 21, Field.SBP, 100), null, llm(30, "Standard", "Low"), 0);
        assertEquals(30, one.riskScore());
    }

    @Test
    void degraded_path_starts_from_the_deterministic_baseline_and_applies_the_same_floors() {
        GuardrailDecision shock = decide(SEPTIC_SHOCK, null, null, 40);
        assertEquals(GuardrailDecision.Basis.DETERMINISTIC_BASELINE, shock.basis());
        assertNull(shock.llmInitialRiskScore());
        assertTrue(shock.guardrailOverride());
        assertEquals(95, shock.riskScore());

        GuardrailDecision calm = decide(CALM, null, null, 57);
        assertEquals(57, calm.riskScore());
        assertEquals(AlertLevel.HIGH, calm.alertLevel(), "baseline 57 is HIGH on the shared scale");
        assertEquals(Priority.HIGH, calm.priority());
        assertEquals(Probability6h.MODERATE, calm.sepsisProbability6h());

        GuardrailDecision notes = decide(CALM, "increased WOB", null, 12);
        assertEquals(70, notes.riskScore());
        assertFalse(notes.nearMiss(), "near miss is about the LLM");
        assertThrows(IllegalArgumentException.class, () -> decide(CALM, null, null, 101));
    }

    @Test
    void llm_priority_or_probability_above_its_risk_raises_the_alert_never_lowers_it() {
        GuardrailDecision critical = decide(CALM, null, llm(40, "Critical", "High"), 0);
        assertEquals(AlertLevel.CRITICAL, critical.alertLevel());
        assertEquals(80, critical.riskScore(), "risk raised to the CRITICAL boundary to stay consistent");
        assertEquals(Probability6h.HIGH, critical.sepsisProbability6h());

        GuardrailDecision highProbability = decide(CALM, null, llm(20, "Standard", "High"), 0);
        assertEquals(AlertLevel.HIGH, highProbability.alertLevel());
        assertEquals(50, highProbability.riskScore());
        assertEquals(Probability6h.HIGH, highProbability.sepsisProbability6h());

        GuardrailDecision lowPriority = decide(CALM, null, llm(85, "Standard", "Low"), 0);
        assertEquals(AlertLevel.CRITICAL, lowPriority.alertLevel());
        assertEquals(85, lowPriority.riskScore());
        assertEquals(Priority.CRITICAL, lowPriority.priority());
        assertEquals(Probability6h.HIGH, lowPriority.sepsisProbability6h());
    }

    @Test
    void near_miss_is_flagged_for_llm_75_to_79_without_override() {
        assertTrue(decide(CALM, null, llm(75, "High", "Moderate"), 0).nearMiss());
        assertTrue(decide(CALM, null, llm(79, "High", "High"), 0).nearMiss());
        assertFalse(decide(CALM, null, llm(74, "High", "Moderate"), 0).nearMiss());
        assertFalse(decide(CALM, null, llm(80, "Critical", "High"), 0).nearMiss());
        assertFalse(decide(SEPTIC_SHOCK, null, llm(77, "High", "High"), 0).nearMiss(), "overridden, not a near miss");
    }

    @Test
    void llm_risk_is_clamped_and_a_missing_priority_or_probability_comes_from_the_risk() {
        GuardrailDecision d = decide(CALM, null, llm(140, "Critical", "High"), 0);
        assertEquals(100, d.riskScore());
        assertEquals(100, d.llmInitialRiskScore());
        GuardrailDecision unknown = decide(CALM, null, llm(-5, null, null), 0);
        assertEquals(0, unknown.riskScore());
        assertEquals(Priority.STANDARD, unknown.priority());
        assertEquals(Probability6h.LOW, unknown.sepsisProbability6h());
    }

    @Test
    void decisions_never_lower_the_risk_and_are_always_internally_consistent() {
        GuardrailConfig cfg = Shipped.config();
        DecisionPolicy policy = cfg.decision();
        Random rnd = new Random(42);
        String[] priorities = {"Critical", "High", "Standard", null, "bogus"};
        String[] probabilities = {"High", "Moderate", "Low", null};
        String[] notes = {null, "mottled skin", "no mottling", "new confusion", "stable"};
        for (int i = 0; i < 3000; i++) {
            Observation o = Observation.builder()
                    .set(Field.SBP, 70 + rnd.nextInt(80)).set(Field.DBP, 35 + rnd.nextInt(50))
                    .set(Field.HR, 50 + rnd.nextInt(100)).set(Field.Resp, 10 + rnd.nextInt(25))
                    .set(Field.Temp, 35 + rnd.nextDouble() * 5).set(Field.Lactate, rnd.nextDouble() * 5)
                    .set(Field.WBC, rnd.nextDouble() * 25).build();
            GuardrailAssessment a = Patients.assess(cfg, o, null, null, notes[rnd.nextInt(notes.length)]);
            LlmView llm = rnd.nextInt(5) == 0 ? null : llm(rnd.nextInt(101),
                    priorities[rnd.nextInt(priorities.length)], probabilities[rnd.nextInt(probabilities.length)]);
            int baseline = rnd.nextInt(101);
            GuardrailDecision d = GuardrailEngine.decide(cfg, a, llm, baseline);
            int start = llm == null ? baseline : llm.riskScore();
            assertTrue(d.riskScore() >= start, "never lowers: " + start + " -> " + d.riskScore());
            DecisionPolicy.LevelSpec level = policy.levelOf(d.riskScore());
            assertEquals(level.level(), d.alertLevel(), "alert level is the risk's level");
            assertEquals(level.priority(), d.priority());
            assertEquals(level.color(), d.alertColor());
            assertTrue(level.allows(d.sepsisProbability6h()), d.alertLevel() + " with " + d.sepsisProbability6h());
            assertEquals(level.actionRequired(), d.actionRequired());
            if (!a.triggerBreaches().isEmpty()) {
                assertEquals(AlertLevel.CRITICAL, d.alertLevel(), "a breached trigger is always CRITICAL");
                assertFalse(d.overrideReasons().isEmpty());
            }
            if (d.riskScore() >= 50) {
                assertTrue(d.alertLevel() != AlertLevel.STANDARD, "never green next to risk " + d.riskScore());
            }
        }
    }
}
