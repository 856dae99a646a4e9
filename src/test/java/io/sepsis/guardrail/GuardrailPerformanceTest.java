package io.sepsis.guardrail;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.guardrail.config.GuardrailConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * assess() + decide() for one realistic patient (full vitals and labs, a nursing note, history and medications)
 * must cost well under 0.1 ms: patterns are compiled at configuration load, never per call.
 */
class GuardrailPerformanceTest {
    static final String NOTE = "Pt seen at 14:00. Appears lethargic and more confused than this morning, skin mottled "
            + "over both knees, cap refill 4 seconds. Denies chest pain, no dyspnea at rest but increased WOB on "
            + "exertion. Received 1 L fluid bolus with minimal response; MAP remains in low 60s. Urine output 15 mL/hr "
            + "over the last 2 hours. Family at bedside, plan discussed with ICU team, consider norepinephrine.";

    @Test
    void assess_and_decide_cost_well_under_a_tenth_of_a_millisecond_per_patient() {
        GuardrailConfig cfg = Shipped.config();
        Observation o = Observation.builder()
                .set(Field.HR, 118).set(Field.SBP, 88).set(Field.DBP, 52).set(Field.Resp, 26).set(Field.Temp, 38.9)
                .set(Field.O2Sat, 92).set(Field.Lactate, 3.2).set(Field.WBC, 18.5).set(Field.Creatinine, 2.1)
                .set(Field.Platelets, 95).set(Field.Bilirubin_total, 1.4).set(Field.Glucose, 190).set(Field.GCS, 14)
                .set(Field.INR, 1.4).set(Field.Procalcitonin, 6).set(Field.Bands, 12).set(Field.Neutrophils, 86)
                .set(Field.Lymphocytes, 0.7).set(Field.HCO3, 19).set(Field.pH, 7.31).build();
        GuardrailInput in = new GuardrailInput(o, NOTE, List.of("chronic hypertension", "type 2 diabetes", "CKD 3"),
                List.of("metoprolol 25 mg bd", "paracetamol 1 g prn", "apixaban 5 mg"));
        LlmView llm = new LlmView(62, Priority.HIGH, Probability6h.MODERATE);

        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm-up (JIT)
            sink += GuardrailEngine.decide(cfg, GuardrailEngine.assess(cfg, in), llm, 40).riskScore();
        }
        // batches, because the build machine is shared: the best batch is the uncontended cost, the median what a
        // busy machine gives
        int batches = 40;
        int n = 1_000;
        double[] micros = new double[batches];
        for (int b = 0; b < batches; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += GuardrailEngine.decide(cfg, GuardrailEngine.assess(cfg, in), llm, 40).riskScore();
            }
            micros[b] = (System.nanoTime() - t0) / 1e3 / n;
        }
        java.util.Arrays.sort(micros);
        double best = micros[0];
        double median = micros[batches / 2];
        System.out.printf("guardrail assess+decide per patient: best %.1f µs, median %.1f µs (note %d chars, "
                + "%d rules, 3 conditions, 3 medications)%n", best, median, NOTE.length(), cfg.rules().size());
        assertTrue(sink > 0);
        // the bound is on the best batch: a neighbour's build must not fail this one, while a real regression (a
        // regex compiled per call, a per-request config parse) costs hundreds of µs in every batch
        assertTrue(best < 100, "assess+decide took " + best + " µs per patient (best batch)");
    }
}
