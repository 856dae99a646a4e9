package io.sepsis.clinical.score;

import static io.sepsis.clinical.Field.GCS;
import static io.sepsis.clinical.Field.Resp;
import static io.sepsis.clinical.Field.SBP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class QSofaTest {
    /** All inputs present, no criterion met. */
    private static final Observation NORMAL = Obs.of(Resp, 16, SBP, 120, GCS, 15);

    @Test
    void qsofa_counts_resp_22_but_not_21() {
        ScoreResult at = QSofa.evaluate(Obs.with(NORMAL, Resp, 22));
        assertEquals(1, at.score());
        assertEquals(List.of("Resp >= 22/min"), at.componentsFired());
        ScoreResult below = QSofa.evaluate(Obs.with(NORMAL, Resp, 21));
        assertEquals(0, below.score());
        assertEquals(List.of(), below.componentsFired());
        assertEquals(0, QSofa.evaluate(Obs.with(NORMAL, Resp, 21.9)).score());
    }

    @Test
    void qsofa_counts_sbp_100_but_not_101() {
        ScoreResult at = QSofa.evaluate(Obs.with(NORMAL, SBP, 100));
        assertEquals(1, at.score());
        assertEquals(List.of("SBP <= 100 mmHg"), at.componentsFired());
        assertEquals(0, QSofa.evaluate(Obs.with(NORMAL, SBP, 101)).score());
        assertEquals(0, QSofa.evaluate(Obs.with(NORMAL, SBP, 100.1)).score());
    }

    @Test
    void qsofa_counts_gcs_14_but_not_15() {
        ScoreResult at = QSofa.evaluate(Obs.with(NORMAL, GCS, 14));
        assertEquals(1, at.score());
        assertEquals(List.of("altered mentation (GCS < 15)"), at.componentsFired());
        assertEquals(0, QSofa.evaluate(Obs.with(NORMAL, GCS, 15)).score());
    }

    @Test
    void qsofa_complete_normal_is_low_risk_with_nothing_missing() {
        ScoreResult r = QSofa.evaluate(NORMAL);
        assertEquals("qSOFA", r.name());
        assertEquals(0, r.score());
        assertEquals(3, r.maxScore());
        assertEquals(List.of(), r.missingInputs());
        assertFalse(r.partial());
        assertEquals("low risk", r.interpretation());
    }

    @Test
    void qsofa_one_is_low_risk_two_is_high_risk() {
        assertEquals("low risk", QSofa.evaluate(Obs.with(NORMAL, Resp, 22)).interpretation());
        ScoreResult two = QSofa.evaluate(Obs.with(NORMAL, Resp, 22, SBP, 100));
        assertEquals(2, two.score());
        assertEquals("high risk", two.interpretation());
        ScoreResult three = QSofa.evaluate(Obs.of(Resp, 30, SBP, 85, GCS, 12));
        assertEquals(3, three.score());
        assertEquals(List.of("Resp >= 22/min", "SBP <= 100 mmHg", "altered mentation (GCS < 15)"),
                three.componentsFired());
        assertEquals("high risk", three.interpretation());
    }

    @Test
    void qsofa_missing_gcs_is_reported_and_score_is_partial() {
        ScoreResult r = QSofa.evaluate(Obs.of(Resp, 24, SBP, 120));
        assertEquals(1, r.score());
        assertEquals(List.of("GCS"), r.missingInputs());
        assertTrue(r.partial());
        assertTrue(r.interpretation().startsWith("low risk"), r.interpretation());
        assertTrue(r.interpretation().contains("partial"), r.interpretation());
    }

    @Test
    void qsofa_empty_observation_lists_every_input_missing() {
        ScoreResult r = QSofa.evaluate(Obs.of());
        assertEquals(0, r.score());
        assertEquals(List.of("Resp", "SBP", "GCS"), r.missingInputs());
    }

    @Test
    void qsofa_fired_component_is_not_reported_missing_even_if_others_are() {
        ScoreResult r = QSofa.evaluate(Obs.of(Resp, 25, SBP, 90));
        assertEquals(2, r.score());
        assertEquals(List.of("GCS"), r.missingInputs());
        assertTrue(r.interpretation().startsWith("high risk"), r.interpretation());
    }

    @Test
    void qsofa_notes_confusion_counts_mentation_and_clears_missing_gcs() {
        Observation o = Obs.of(Resp, 22, SBP, 120);
        ScoreResult r = QSofa.evaluate(o, true);
        assertEquals(2, r.score());
        assertEquals(List.of("Resp >= 22/min", "altered mentation (new confusion in notes)"), r.componentsFired());
        assertEquals(List.of(), r.missingInputs());
        assertEquals("high risk", r.interpretation());
        // without the notes flag the same observation is a partial 1
        assertEquals(QSofa.evaluate(o), QSofa.evaluate(o, false));
        assertEquals(1, QSofa.evaluate(o).score());
    }

    @Test
    void qsofa_notes_confusion_overrides_a_normal_gcs_but_counts_once_with_a_low_gcs() {
        assertEquals(1, QSofa.evaluate(NORMAL, true).score());
        ScoreResult both = QSofa.evaluate(Obs.with(NORMAL, GCS, 13), true);
        assertEquals(1, both.score());
        assertEquals(List.of("altered mentation (GCS < 15)"), both.componentsFired());
    }

    @Test
    void qsofa_point_functions_are_nan_safe() {
        assertFalse(QSofa.respirationMet(Double.NaN));
        assertFalse(QSofa.systolicMet(Double.NaN));
        assertFalse(QSofa.mentationMet(Double.NaN));
    }
}
