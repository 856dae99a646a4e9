package io.sepsis.clinical.score;

import static io.sepsis.clinical.Field.Bilirubin_total;
import static io.sepsis.clinical.Field.Creatinine;
import static io.sepsis.clinical.Field.FiO2;
import static io.sepsis.clinical.Field.GCS;
import static io.sepsis.clinical.Field.HR;
import static io.sepsis.clinical.Field.MAP;
import static io.sepsis.clinical.Field.O2Sat;
import static io.sepsis.clinical.Field.PaO2;
import static io.sepsis.clinical.Field.Platelets;
import static io.sepsis.clinical.Field.Resp;
import static io.sepsis.clinical.Field.SBP;
import static io.sepsis.clinical.Field.Temp;
import static io.sepsis.clinical.Field.WBC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalScoresTest {
    private static final Observation SEPTIC = Obs.of(Resp, 26, O2Sat, 93, FiO2, 0.4, PaO2, 70, SBP, 88, MAP, 62,
            HR, 118, GCS, 14, Temp, 38.6, WBC, 15.2, Platelets, 95, Bilirubin_total, 1.4, Creatinine, 2.1);

    @Test
    void compute_gathers_the_four_scores() {
        ClinicalScores s = ClinicalScores.compute(SEPTIC);
        assertEquals(QSofa.evaluate(SEPTIC), s.qsofa());
        assertEquals(Sirs.evaluate(SEPTIC), s.sirs());
        assertEquals(Sofa.evaluate(SEPTIC), s.sofa());
        assertEquals(News2.evaluate(SEPTIC), s.news2());
        assertEquals(3, s.qsofa().score());
        assertEquals(4, s.sirs().score());
        // P/F 175 -> 3, platelets 2, bilirubin 1, MAP 1, GCS 1, creatinine 2
        assertEquals(10, s.sofa().score());
        // resp 3, SpO2 2, O2 2, SBP 3, HR 2, GCS 3, temp 1
        assertEquals(16, s.news2().score());
        assertEquals("high risk", s.news2().interpretation());
    }

    @Test
    void notes_flag_reaches_qsofa_and_news2_only() {
        Observation o = Obs.of(Resp, 16, O2Sat, 98, FiO2, 0.21, SBP, 120, HR, 70, Temp, 37);
        ClinicalScores without = ClinicalScores.compute(o);
        ClinicalScores with = ClinicalScores.compute(o, true);
        assertEquals(without, ClinicalScores.compute(o, false));
        assertEquals(0, without.qsofa().score());
        assertEquals(1, with.qsofa().score());
        assertEquals(0, without.news2().score());
        assertEquals(3, with.news2().score());
        assertEquals(without.sirs(), with.sirs());
        assertEquals(without.sofa(), with.sofa());
        assertTrue(with.sofa().missingInputs().contains("GCS"), "SOFA CNS needs a GCS, notes are not enough");
    }

    @Test
    void empty_observation_gives_four_partial_zero_scores() {
        ClinicalScores s = ClinicalScores.compute(Obs.of());
        for (ScoreResult r : List.of(s.qsofa(), s.sirs(), s.sofa(), s.news2())) {
            assertEquals(0, r.score(), r.name());
            assertTrue(r.partial(), r.name());
            assertEquals(List.of(), r.componentsFired(), r.name());
        }
    }

    @Test
    void score_result_is_immutable_and_validated() {
        List<String> components = new ArrayList<>(List.of("a"));
        ScoreResult r = new ScoreResult("x", 1, 3, components, List.of(), "i");
        components.add("b");
        assertEquals(List.of("a"), r.componentsFired(), "defensive copy");
        assertThrows(UnsupportedOperationException.class, () -> r.componentsFired().add("c"));
        assertThrows(UnsupportedOperationException.class,
                () -> ClinicalScores.compute(SEPTIC).sofa().missingInputs().add("c"));
        assertThrows(IllegalArgumentException.class, () -> new ScoreResult("x", 4, 3, List.of(), List.of(), "i"));
        assertThrows(IllegalArgumentException.class, () -> new ScoreResult("x", -1, 3, List.of(), List.of(), "i"));
    }

    @Test
    void compute_is_cheap() {
        // Loose guard against accidental streams/regex/formatting in the per-request path: ~0.4 µs per compute on
        // an idle core once compiled; the best of several rounds keeps a busy machine from failing it.
        Observation partial = Obs.of(Resp, 22, SBP, 95, HR, 100, Temp, 38.3);
        long sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += ClinicalScores.compute((i & 1) == 0 ? SEPTIC : partial).news2().score();
        }
        int n = 50_000;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += ClinicalScores.compute((i & 1) == 0 ? SEPTIC : partial, (i & 2) == 0).sofa().score();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / n);
        }
        assertTrue(sink > 0);
        assertTrue(best < 25, "compute took " + best + " µs");
    }
}
