package io.sepsis.ml.training;

import io.sepsis.clinical.Field;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.eval.UtilityScore;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingTargetTest {

    /** A 30-hour septic stay labelled from hour 14 (onset ts = 20) and a 5-hour non-septic one. */
    private static final Stay SEPTIC = stay("p1", 30, 14);
    private static final Stay CLEAN = stay("p2", 5, -1);
    private static final List<Stay> STAYS = List.of(SEPTIC, CLEAN);

    @Test
    void physionet_target_is_the_label_with_unit_weights() {
        Dataset d = Dataset.history(STAYS);
        assertArrayEquals(d.y(), TrainingTarget.PHYSIONET.labels(d, STAYS));
        float[] ones = new float[d.rows()];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, TrainingTarget.PHYSIONET.weights(d, STAYS));
    }

    @Test
    void utility_target_weights_each_row_by_what_an_alarm_there_gains() {
        Dataset d = Dataset.history(STAYS);
        float[] y = TrainingTarget.UTILITY.labels(d, STAYS);
        float[] w = TrainingTarget.UTILITY.weights(d, STAYS);
        assertEquals(20, TrainingTarget.onsetRow(SEPTIC));
        // hours 0..8 of the septic stay lie more than 12 h before onset: ordinary negatives
        for (int t = 0; t <= 7; t++) {
            assertEquals(0f, y[t], "hour " + t);
            assertEquals(1f, w[t], "hour " + t);
        }
        // ts-12 gains nothing; ts-9 gains (d + 12) / 6 = 0.5, relative to a labelled hour's mean gain of 1.5
        assertEquals(0f, w[8]);
        assertEquals(1f, y[11]);
        assertEquals(0.5 / 1.5, w[11], 1e-6);
        // the first labelled hour (ts-6) gains 1, the last useful one (ts+3) gains 2
        assertEquals(1f, y[14]);
        assertEquals(1 / 1.5, w[14], 1e-6);
        assertEquals(2 / 1.5, w[23], 1e-6);
        // later labelled hours earn nothing either way but stay positives, lightly weighted
        assertEquals(1f, y[24]);
        assertEquals(TrainingTarget.AFTER_WINDOW_WEIGHT, w[24]);
        // the non-septic stay: negatives of weight 1
        for (int r = SEPTIC.hours(); r < d.rows(); r++) {
            assertEquals(0f, y[r]);
            assertEquals(1f, w[r]);
        }
    }

    @Test
    void utility_weights_follow_the_challenge_definition_of_the_gain() {
        Dataset d = Dataset.history(List.of(SEPTIC));
        float[] w = TrainingTarget.UTILITY.weights(d, List.of(SEPTIC));
        UtilityScore.RowUtilities u = UtilityScore.rowUtilities(SEPTIC.labels());
        for (int t = 8; t <= 23; t++) {
            assertEquals((u.u1()[t] - u.u0()[t]) / 1.5, w[t], 1e-6, "hour " + t);
        }
    }

    private static Stay stay(String id, int hours, int firstLabel) {
        double[][] rows = new double[hours][Field.COUNT];
        int[] labels = new int[hours];
        for (int t = 0; t < hours; t++) {
            Arrays.fill(rows[t], Double.NaN);
            rows[t][Field.HR.ordinal()] = 80 + t;
            rows[t][Field.ICULOS.ordinal()] = t + 1;
            labels[t] = firstLabel >= 0 && t >= firstLabel ? 1 : 0;
        }
        return new Stay(id, rows, labels);
    }
}
