package io.sepsis.ml.training;

import io.sepsis.ml.eval.UtilityScore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrevalenceSensitivityTest {
    /** One septic stay (labelled from hour 8) and three non-septic stays: a septic-stay rate of 0.25. */
    private static final float[][] P = {
        {0.01f, 0.02f, 0.03f, 0.05f, 0.08f, 0.10f, 0.20f, 0.30f, 0.40f, 0.50f, 0.60f, 0.50f},
        {0.01f, 0.04f, 0.06f, 0.02f, 0.01f},
        {0.07f, 0.09f, 0.01f, 0.01f},
        {0.02f, 0.02f, 0.30f}};
    private static final float[][] Y = {
        {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0}};

    private static Predictions predictions(int[] copies) {
        List<float[]> p = new ArrayList<>();
        List<float[]> y = new ArrayList<>();
        List<Integer> stay = new ArrayList<>();
        int id = 0;
        for (int s = 0; s < P.length; s++) {
            for (int c = 0; c < copies[s]; c++, id++) {
                for (int t = 0; t < P[s].length; t++) {
                    p.add(new float[]{P[s][t]});
                    y.add(new float[]{Y[s][t]});
                    stay.add(id);
                }
            }
        }
        float[] pa = new float[p.size()];
        float[] ya = new float[p.size()];
        int[] sa = new int[p.size()];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = p.get(i)[0];
            ya[i] = y.get(i)[0];
            sa[i] = stay.get(i);
        }
        return new Predictions(pa, ya, sa);
    }

    @Test
    void ratio_1_is_the_plain_utility_and_ratio_2_equals_a_population_with_twice_the_septic_stays() {
        Predictions once = predictions(new int[]{1, 1, 1, 1});
        Map<String, Object> m = EvaluateTraining.prevalenceSensitivity(once, new double[]{0.05}, new double[]{1.0, 2.0});
        Map<?, ?> row = (Map<?, ?>) m.get("threshold_0.05");
        assertEquals(UtilityScore.normalizedUtility(once.probabilitiesByStay(), once.labelsByStay(), 0.05),
                (double) row.get("septic_stay_rate_x1.0"), 1e-12);
        // r = 2 at a rate of 0.25: septic stays weigh 2, the others (1 - 0.5) / 0.75 = 2/3, i.e. 6 : 2 copies
        Predictions replicated = predictions(new int[]{6, 2, 2, 2});
        assertEquals(UtilityScore.normalizedUtility(replicated.probabilitiesByStay(), replicated.labelsByStay(), 0.05),
                (double) row.get("septic_stay_rate_x2.0"), 1e-12);
    }
}
