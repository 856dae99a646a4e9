package io.sepsis.clinical.score;

import static io.sepsis.clinical.Field.FiO2;
import static io.sepsis.clinical.Field.GCS;
import static io.sepsis.clinical.Field.HR;
import static io.sepsis.clinical.Field.O2Sat;
import static io.sepsis.clinical.Field.Resp;
import static io.sepsis.clinical.Field.SBP;
import static io.sepsis.clinical.Field.Temp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class News2Test {
    /** Every parameter measured and scoring 0, on room air. */
    private static final Observation NORMAL = Obs.of(Resp, 16, O2Sat, 98, FiO2, 0.21, SBP, 120, HR, 70, GCS, 15,
            Temp, 37);

    /** Scores NORMAL with one parameter changed: exactly that parameter's points and component. */
    private static void assertSingle(Field field, double value, int points, String component) {
        ScoreResult r = News2.evaluate(Obs.with(NORMAL, field, value));
        assertEquals(points, r.score(), r.toString());
        assertEquals(component == null ? List.of() : List.of(component), r.componentsFired());
        assertEquals(List.of(), r.missingInputs());
    }

    @Test
    void news2_complete_normal_scores_zero_low_risk() {
        ScoreResult r = News2.evaluate(NORMAL);
        assertEquals("NEWS2", r.name());
        assertEquals(0, r.score());
        assertEquals(20, r.maxScore());
        assertFalse(r.partial());
        assertEquals("low risk", r.interpretation());
    }

    @ParameterizedTest(name = "Temp {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "34.0 | 3 | Temp <= 35.0 °C (3 pts)",
        "35.0 | 3 | Temp <= 35.0 °C (3 pts)",
        "35.1 | 1 | Temp 35.1-36.0 °C (1 pt)",
        "36.0 | 1 | Temp 35.1-36.0 °C (1 pt)",
        "36.1 | 0 | none",
        "38.0 | 0 | none",
        "38.1 | 1 | Temp 38.1-39.0 °C (1 pt)",
        "39.0 | 1 | Temp 38.1-39.0 °C (1 pt)",
        "39.1 | 2 | Temp >= 39.1 °C (2 pts)"})
    void news2_temperature_boundaries(double temp, int points, String component) {
        assertEquals(points, News2.temperaturePoints(temp));
        assertSingle(Temp, temp, points, component);
    }

    @ParameterizedTest(name = "Resp {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "8  | 3 | Resp <= 8/min (3 pts)",
        "9  | 1 | Resp 9-11/min (1 pt)",
        "11 | 1 | Resp 9-11/min (1 pt)",
        "12 | 0 | none",
        "20 | 0 | none",
        "21 | 2 | Resp 21-24/min (2 pts)",
        "24 | 2 | Resp 21-24/min (2 pts)",
        "25 | 3 | Resp >= 25/min (3 pts)"})
    void news2_respiration_boundaries(double resp, int points, String component) {
        assertSingle(Resp, resp, points, component);
    }

    @ParameterizedTest(name = "SpO2 {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "91 | 3 | SpO2 <= 91 % (3 pts)",
        "92 | 2 | SpO2 92-93 % (2 pts)",
        "93 | 2 | SpO2 92-93 % (2 pts)",
        "94 | 1 | SpO2 94-95 % (1 pt)",
        "95 | 1 | SpO2 94-95 % (1 pt)",
        "96 | 0 | none"})
    void news2_spo2_scale_1_boundaries(double spo2, int points, String component) {
        assertSingle(O2Sat, spo2, points, component);
    }

    @ParameterizedTest(name = "SBP {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "90  | 3 | SBP <= 90 mmHg (3 pts)",
        "91  | 2 | SBP 91-100 mmHg (2 pts)",
        "100 | 2 | SBP 91-100 mmHg (2 pts)",
        "101 | 1 | SBP 101-110 mmHg (1 pt)",
        "110 | 1 | SBP 101-110 mmHg (1 pt)",
        "111 | 0 | none",
        "219 | 0 | none",
        "220 | 3 | SBP >= 220 mmHg (3 pts)"})
    void news2_systolic_boundaries(double sbp, int points, String component) {
        assertSingle(SBP, sbp, points, component);
    }

    @ParameterizedTest(name = "HR {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "40  | 3 | HR <= 40/min (3 pts)",
        "41  | 1 | HR 41-50/min (1 pt)",
        "50  | 1 | HR 41-50/min (1 pt)",
        "51  | 0 | none",
        "90  | 0 | none",
        "91  | 1 | HR 91-110/min (1 pt)",
        "110 | 1 | HR 91-110/min (1 pt)",
        "111 | 2 | HR 111-130/min (2 pts)",
        "130 | 2 | HR 111-130/min (2 pts)",
        "131 | 3 | HR >= 131/min (3 pts)"})
    void news2_pulse_boundaries(double hr, int points, String component) {
        assertSingle(HR, hr, points, component);
    }

    @Test
    void news2_oxygen_scores_2_above_room_air_only() {
        assertSingle(FiO2, 0.21, 0, null);
        assertSingle(FiO2, 0.22, 2, "supplemental oxygen, FiO2 > 0.21 (2 pts)");
    }

    @Test
    void news2_missing_fio2_is_reported_and_room_air_assumed() {
        ScoreResult r = News2.evaluate(Obs.with(NORMAL, FiO2, Double.NaN));
        assertEquals(0, r.score());
        assertEquals(List.of("FiO2"), r.missingInputs());
        assertTrue(r.interpretation().contains("partial"), r.interpretation());
    }

    @Test
    void news2_consciousness_scores_3_for_gcs_below_15_or_notes_confusion() {
        assertSingle(GCS, 15, 0, null);
        assertSingle(GCS, 14, 3, "not alert, GCS < 15 (3 pts)");
        ScoreResult notes = News2.evaluate(NORMAL, true);
        assertEquals(3, notes.score());
        assertEquals(List.of("new confusion in notes (3 pts)"), notes.componentsFired());
        ScoreResult notesNoGcs = News2.evaluate(Obs.with(NORMAL, GCS, Double.NaN), true);
        assertEquals(3, notesNoGcs.score());
        assertEquals(List.of(), notesNoGcs.missingInputs());
        ScoreResult noGcs = News2.evaluate(Obs.with(NORMAL, GCS, Double.NaN));
        assertEquals(0, noGcs.score());
        assertEquals(List.of("GCS"), noGcs.missingInputs());
        assertEquals(3, News2.evaluate(Obs.with(NORMAL, GCS, 10), true).score(), "counted once");
    }

    @Test
    void news2_bands_low_low_medium_medium_high() {
        // 4 without a single 3: low
        ScoreResult four = News2.evaluate(Obs.with(NORMAL, HR, 115, Temp, 38.5, SBP, 105)); // 2 + 1 + 1
        assertEquals(4, four.score());
        assertEquals("low risk", four.interpretation());
        // 3 in a single parameter with aggregate 3: low-medium
        ScoreResult single3 = News2.evaluate(Obs.with(NORMAL, Resp, 26));
        assertEquals(3, single3.score());
        assertEquals("low-medium risk (3 in a single parameter)", single3.interpretation());
        // 3 from 1 + 2 is not low-medium
        assertEquals("low risk", News2.evaluate(Obs.with(NORMAL, HR, 95, Resp, 22)).interpretation());
        // 5 and 6: medium, even with a single 3
        ScoreResult five = News2.evaluate(Obs.with(NORMAL, Resp, 26, HR, 115));
        assertEquals(5, five.score());
        assertEquals("medium risk", five.interpretation());
        ScoreResult six = News2.evaluate(Obs.with(NORMAL, Resp, 22, HR, 115, FiO2, 0.4));
        assertEquals(6, six.score());
        assertEquals("medium risk", six.interpretation());
        // 7: high
        ScoreResult seven = News2.evaluate(Obs.with(NORMAL, Resp, 22, HR, 115, FiO2, 0.4, Temp, 38.5));
        assertEquals(7, seven.score());
        assertEquals("high risk", seven.interpretation());
    }

    @Test
    void news2_maximum_is_20() {
        ScoreResult r = News2.evaluate(Obs.of(Resp, 30, O2Sat, 85, FiO2, 0.6, SBP, 80, HR, 140, GCS, 8, Temp, 34));
        assertEquals(20, r.score());
        assertEquals(7, r.componentsFired().size());
        assertEquals("high risk", r.interpretation());
    }

    @Test
    void news2_partial_score_lists_every_missing_parameter() {
        ScoreResult r = News2.evaluate(Obs.of(Resp, 26, HR, 120));
        assertEquals(5, r.score());
        assertEquals(List.of("O2Sat", "FiO2", "SBP", "GCS", "Temp"), r.missingInputs());
        assertTrue(r.interpretation().startsWith("medium risk"), r.interpretation());
        assertEquals(List.of("Resp", "O2Sat", "FiO2", "SBP", "HR", "GCS", "Temp"),
                News2.evaluate(Obs.of()).missingInputs());
    }

    @Test
    void news2_point_functions_are_nan_safe() {
        assertEquals(0, News2.respirationPoints(Double.NaN));
        assertEquals(0, News2.spo2Points(Double.NaN));
        assertEquals(0, News2.oxygenPoints(Double.NaN));
        assertEquals(0, News2.systolicPoints(Double.NaN));
        assertEquals(0, News2.pulsePoints(Double.NaN));
        assertEquals(0, News2.consciousnessPoints(Double.NaN));
        assertEquals(0, News2.temperaturePoints(Double.NaN));
    }
}
