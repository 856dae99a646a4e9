package io.sepsis.ml.model;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsotonicCalibrationTest {

    @Test
    void corrects_an_overconfident_model_to_observed_rates() {
        // True risk q; the model reports sqrt(q) (overconfident). Calibration must bring 0.5 back near 0.25.
        SplittableRandom r = new SplittableRandom(7);
        int n = 200_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double q = r.nextDouble() * 0.5;
            p[i] = Math.sqrt(q);
            y[i] = r.nextDouble() < q ? 1 : 0;
        }
        IsotonicCalibration c = IsotonicCalibration.fit(p, y, 200, "test");
        assertEquals(0.25, c.apply(0.5), 0.03);
        assertEquals(0.04, c.apply(0.2), 0.02);
    }

    @Test
    void map_is_monotone_and_stays_within_probabilities() {
        SplittableRandom r = new SplittableRandom(3);
        double[] p = new double[5000];
        int[] y = new int[5000];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble();
            y[i] = r.nextDouble() < 0.3 ? 1 : 0; // uninformative model
        }
        IsotonicCalibration c = IsotonicCalibration.fit(p, y, 50, "test");
        double prev = -1;
        for (int i = 0; i <= 1000; i++) {
            double v = c.apply(i / 1000.0);
            assertTrue(v >= prev && v >= 0 && v <= 1);
            prev = v;
        }
    }

    @Test
    void rejects_knots_that_decrease() {
        assertThrows(IllegalArgumentException.class,
                () -> new IsotonicCalibration(new double[]{0.1, 0.2}, new double[]{0.3, 0.2}, "bad"));
    }

    @Test
    void shipped_model_reports_calibrated_probabilities() throws Exception {
        SepsisModel m = SepsisModel.loadFromClasspath();
        assertTrue(m.manifest().calibration() != null, "the shipped manifest carries its calibration");
        float[] x = new float[m.trees().numFeatures()];
        java.util.Arrays.fill(x, Float.NaN);
        double raw = m.trees().probability(x);
        assertEquals(m.manifest().calibration().apply(raw), m.probability(x), 1e-12);
    }
}
