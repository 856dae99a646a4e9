package io.sepsis.clinical.score;

import static io.sepsis.clinical.Field.Bilirubin_total;
import static io.sepsis.clinical.Field.Creatinine;
import static io.sepsis.clinical.Field.DBP;
import static io.sepsis.clinical.Field.FiO2;
import static io.sepsis.clinical.Field.GCS;
import static io.sepsis.clinical.Field.MAP;
import static io.sepsis.clinical.Field.O2Sat;
import static io.sepsis.clinical.Field.PaO2;
import static io.sepsis.clinical.Field.Platelets;
import static io.sepsis.clinical.Field.SBP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SofaTest {
    /** Every system measured and scoring 0. */
    private static final Observation NORMAL = Obs.of(PaO2, 95, FiO2, 0.21, Platelets, 250, Bilirubin_total, 0.8,
            MAP, 85, GCS, 15, Creatinine, 0.9);

    /** Asserts the observation scores {@code points} with exactly {@code component} fired (none when 0). */
    private static void assertSingle(Observation o, int points, String component) {
        ScoreResult r = Sofa.evaluate(o);
        assertEquals(points, r.score(), r.toString());
        assertEquals(points == 0 ? List.of() : List.of(component), r.componentsFired());
        assertEquals(List.of(), r.missingInputs());
    }

    @Test
    void sofa_complete_normal_scores_zero_with_nothing_missing() {
        ScoreResult r = Sofa.evaluate(NORMAL);
        assertEquals("SOFA", r.name());
        assertEquals(0, r.score());
        assertEquals(24, r.maxScore());
        assertFalse(r.partial());
        assertEquals("no organ dysfunction by SOFA (< 2)", r.interpretation());
    }

    @ParameterizedTest(name = "platelets {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "150   | 0 | none",
        "149.9 | 1 | platelets < 150 (1 pt)",
        "100   | 1 | platelets < 150 (1 pt)",
        "99.9  | 2 | platelets < 100 (2 pts)",
        "50    | 2 | platelets < 100 (2 pts)",
        "49.9  | 3 | platelets < 50 (3 pts)",
        "20    | 3 | platelets < 50 (3 pts)",
        "19.9  | 4 | platelets < 20 (4 pts)",
        "0     | 4 | platelets < 20 (4 pts)"})
    void sofa_coagulation_boundaries(double platelets, int points, String component) {
        assertEquals(points, Sofa.coagulationPoints(platelets));
        assertSingle(Obs.with(NORMAL, Platelets, platelets), points, component);
    }

    @ParameterizedTest(name = "bilirubin {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "1.1  | 0 | none",
        "1.2  | 1 | bilirubin >= 1.2 mg/dL (1 pt)",
        "1.9  | 1 | bilirubin >= 1.2 mg/dL (1 pt)",
        "2.0  | 2 | bilirubin >= 2.0 mg/dL (2 pts)",
        "5.9  | 2 | bilirubin >= 2.0 mg/dL (2 pts)",
        "6.0  | 3 | bilirubin >= 6.0 mg/dL (3 pts)",
        "11.9 | 3 | bilirubin >= 6.0 mg/dL (3 pts)",
        "12.0 | 4 | bilirubin >= 12.0 mg/dL (4 pts)"})
    void sofa_liver_boundaries(double bilirubin, int points, String component) {
        assertSingle(Obs.with(NORMAL, Bilirubin_total, bilirubin), points, component);
    }

    @ParameterizedTest(name = "creatinine {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "1.1 | 0 | none",
        "1.2 | 1 | creatinine >= 1.2 mg/dL (1 pt)",
        "1.9 | 1 | creatinine >= 1.2 mg/dL (1 pt)",
        "2.0 | 2 | creatinine >= 2.0 mg/dL (2 pts)",
        "3.4 | 2 | creatinine >= 2.0 mg/dL (2 pts)",
        "3.5 | 3 | creatinine >= 3.5 mg/dL (3 pts)",
        "4.9 | 3 | creatinine >= 3.5 mg/dL (3 pts)",
        "5.0 | 4 | creatinine >= 5.0 mg/dL (4 pts)"})
    void sofa_renal_boundaries(double creatinine, int points, String component) {
        assertSingle(Obs.with(NORMAL, Creatinine, creatinine), points, component);
    }

    @ParameterizedTest(name = "GCS {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "15 | 0 | none",
        "14 | 1 | GCS 13-14 (1 pt)",
        "13 | 1 | GCS 13-14 (1 pt)",
        "12 | 2 | GCS 10-12 (2 pts)",
        "10 | 2 | GCS 10-12 (2 pts)",
        "9  | 3 | GCS 6-9 (3 pts)",
        "6  | 3 | GCS 6-9 (3 pts)",
        "5  | 4 | GCS < 6 (4 pts)",
        "3  | 4 | GCS < 6 (4 pts)"})
    void sofa_cns_boundaries(double gcs, int points, String component) {
        assertSingle(Obs.with(NORMAL, GCS, gcs), points, component);
    }

    @Test
    void sofa_cardiovascular_counts_map_69_9_but_not_70() {
        assertSingle(Obs.with(NORMAL, MAP, 70), 0, null);
        assertSingle(Obs.with(NORMAL, MAP, 69.9), 1, "MAP < 70 mmHg (1 pt)");
    }

    @Test
    void sofa_cardiovascular_estimates_map_from_sbp_and_dbp() {
        Observation base = Obs.with(NORMAL, MAP, Double.NaN);
        // (100 + 2*55) / 3 = 70 -> 0; (99 + 2*55) / 3 = 69.67 -> 1
        assertSingle(Obs.with(base, SBP, 100, DBP, 55), 0, null);
        assertSingle(Obs.with(base, SBP, 99, DBP, 55), 1, "MAP < 70 mmHg, estimated from SBP/DBP (1 pt)");
        // a measured MAP wins over the estimate
        assertSingle(Obs.with(NORMAL, SBP, 80, DBP, 40), 0, null);
        // SBP alone cannot estimate MAP
        assertEquals(List.of("MAP"), Sofa.evaluate(Obs.with(base, SBP, 80)).missingInputs());
    }

    @ParameterizedTest(name = "PaO2 {0} / FiO2 {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "95  | 0.21 | 0 | none",
        "112 | 0.28 | 0 | none",                        // P/F exactly 400 (399.99999999999994 in binary)
        "111 | 0.28 | 1 | PaO2/FiO2 < 400 (1 pt)",
        "84  | 0.28 | 1 | PaO2/FiO2 < 400 (1 pt)",      // exactly 300
        "83  | 0.28 | 2 | PaO2/FiO2 < 300 (2 pts)",
        "120 | 0.4  | 1 | PaO2/FiO2 < 400 (1 pt)",      // exactly 300
        "119 | 0.4  | 2 | PaO2/FiO2 < 300 (2 pts)",
        "56  | 0.28 | 2 | PaO2/FiO2 < 300 (2 pts)",     // exactly 200
        "55  | 0.28 | 3 | PaO2/FiO2 < 200 (3 pts)",
        "100 | 1.0  | 3 | PaO2/FiO2 < 200 (3 pts)",     // exactly 100
        "99  | 1.0  | 4 | PaO2/FiO2 < 100 (4 pts)"})
    void sofa_respiration_pao2_fio2_boundaries(double pao2, double fio2, int points, String component) {
        assertEquals(points, Sofa.respirationPoints(pao2, Double.NaN, fio2));
        assertSingle(Obs.with(NORMAL, PaO2, pao2, FiO2, fio2), points, component);
    }

    @ParameterizedTest(name = "SpO2 {0} / FiO2 {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "97    | 0.21 | 1 | SpO2/FiO2 < 512 (1 pt, S/F surrogate)",   // S/F 462: every usable SpO2 on air scores
        "89.25 | 0.25 | 1 | SpO2/FiO2 < 512 (1 pt, S/F surrogate)",   // exactly 357
        "89    | 0.25 | 2 | SpO2/FiO2 < 357 (2 pts, S/F surrogate)",
        "85.6  | 0.4  | 2 | SpO2/FiO2 < 357 (2 pts, S/F surrogate)",  // exactly 214 (213.99999999999997 in binary)
        "85    | 0.4  | 3 | SpO2/FiO2 < 214 (3 pts, S/F surrogate)",
        "89    | 1.0  | 3 | SpO2/FiO2 < 214 (3 pts, S/F surrogate)",  // exactly 89
        "88    | 1.0  | 4 | SpO2/FiO2 < 89 (4 pts, S/F surrogate)"})
    void sofa_respiration_uses_spo2_fio2_surrogate_without_pao2(double spo2, double fio2, int points,
            String component) {
        assertEquals(points, Sofa.respirationPoints(Double.NaN, spo2, fio2));
        assertSingle(Obs.with(NORMAL, PaO2, Double.NaN, O2Sat, spo2, FiO2, fio2), points, component);
    }

    @Test
    void sofa_spo2_fio2_surrogate_only_when_spo2_at_most_97() {
        Observation base = Obs.with(NORMAL, PaO2, Double.NaN);
        ScoreResult at97 = Sofa.evaluate(Obs.with(base, O2Sat, 97, FiO2, 0.5)); // S/F 194
        assertEquals(3, at97.score());
        assertEquals(List.of(), at97.missingInputs());
        ScoreResult at98 = Sofa.evaluate(Obs.with(base, O2Sat, 98, FiO2, 0.5)); // S/F 196 but not usable
        assertEquals(0, at98.score());
        assertEquals(List.of("PaO2"), at98.missingInputs(), "respiration undetermined: a PaO2 is needed");
        assertTrue(at98.partial());
        assertEquals(0, Sofa.respirationPoints(Double.NaN, 97.1, 0.5));
    }

    @Test
    void sofa_pao2_takes_precedence_over_spo2() {
        ScoreResult r = Sofa.evaluate(Obs.with(NORMAL, PaO2, 450, O2Sat, 90, FiO2, 1.0)); // P/F 450, S/F 90
        assertEquals(0, r.score());
        assertEquals(List.of(), r.componentsFired());
    }

    @Test
    void sofa_respiration_without_fio2_is_not_scored_and_fio2_is_reported_missing() {
        ScoreResult noFio2 = Sofa.evaluate(Obs.with(NORMAL, PaO2, 55, FiO2, Double.NaN));
        assertEquals(0, noFio2.score());
        assertEquals(List.of("FiO2"), noFio2.missingInputs());
        ScoreResult nothing = Sofa.evaluate(Obs.with(NORMAL, PaO2, Double.NaN, FiO2, Double.NaN));
        assertEquals(List.of("FiO2", "PaO2", "O2Sat"), nothing.missingInputs());
        ScoreResult noOxygenation = Sofa.evaluate(Obs.with(NORMAL, PaO2, Double.NaN));
        assertEquals(List.of("PaO2", "O2Sat"), noOxygenation.missingInputs());
    }

    @Test
    void sofa_sums_systems_and_reports_organ_dysfunction_at_2() {
        Observation sick = Obs.of(PaO2, 70, FiO2, 0.5, Platelets, 45, Bilirubin_total, 2.5, MAP, 62, GCS, 11,
                Creatinine, 3.6);
        ScoreResult r = Sofa.evaluate(sick);
        // P/F 140 -> 3, platelets 3, bilirubin 2, MAP 1, GCS 2, creatinine 3
        assertEquals(14, r.score());
        assertEquals(List.of("PaO2/FiO2 < 200 (3 pts)", "platelets < 50 (3 pts)", "bilirubin >= 2.0 mg/dL (2 pts)",
                "MAP < 70 mmHg (1 pt)", "GCS 10-12 (2 pts)", "creatinine >= 3.5 mg/dL (3 pts)"), r.componentsFired());
        assertEquals(List.of(), r.missingInputs());
        assertEquals("organ dysfunction (SOFA >= 2, baseline assumed 0)", r.interpretation());
        assertEquals("no organ dysfunction by SOFA (< 2)",
                Sofa.evaluate(Obs.with(NORMAL, Creatinine, 1.5)).interpretation());
        assertTrue(Sofa.evaluate(Obs.with(NORMAL, Creatinine, 2.0)).interpretation().startsWith("organ dysfunction"));
    }

    @Test
    void sofa_partial_score_counts_available_systems_and_lists_the_rest() {
        ScoreResult r = Sofa.evaluate(Obs.of(Platelets, 40, Creatinine, 2.2));
        assertEquals(5, r.score());
        assertEquals(List.of("platelets < 50 (3 pts)", "creatinine >= 2.0 mg/dL (2 pts)"), r.componentsFired());
        assertEquals(List.of("FiO2", "PaO2", "O2Sat", "Bilirubin_total", "MAP", "GCS"), r.missingInputs());
        assertTrue(r.partial());
        assertTrue(r.interpretation().startsWith("organ dysfunction"), r.interpretation());
        assertTrue(r.interpretation().contains("partial"), r.interpretation());
    }

    @Test
    void sofa_point_functions_are_nan_safe() {
        assertEquals(0, Sofa.respirationPoints(Double.NaN, Double.NaN, Double.NaN));
        assertEquals(0, Sofa.respirationPoints(60, 90, Double.NaN));
        assertEquals(0, Sofa.coagulationPoints(Double.NaN));
        assertEquals(0, Sofa.liverPoints(Double.NaN));
        assertEquals(0, Sofa.cardiovascularPoints(Double.NaN));
        assertEquals(0, Sofa.cnsPoints(Double.NaN));
        assertEquals(0, Sofa.renalPoints(Double.NaN));
    }
}
