package io.sepsis.ml.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtilityScoreTest {

    @Test
    void readme_unit_example_scores_3_3889() {
        int[] labels = {0, 0, 0, 0, 1, 1};
        int[] predictions = {0, 0, 1, 1, 1, 1};
        assertEquals(3.3889, UtilityScore.patientUtility(predictions, labels), 1e-4);
        // exact: 4/6 + 5/6 + 1 + 8/9
        assertEquals(4.0 / 6 + 5.0 / 6 + 1 + 8.0 / 9, UtilityScore.patientUtility(predictions, labels), 1e-12);
    }

    @Test
    void row_utilities_of_a_septic_patient_follow_the_piecewise_definition() {
        int[] labels = new int[30];
        Arrays.fill(labels, 14, 30, 1); // first label row 14 -> onset ts = 20
        UtilityScore.RowUtilities ru = UtilityScore.rowUtilities(labels);
        double[] u1 = ru.u1();
        double[] u0 = ru.u0();
        assertEquals(-0.05, u1[0], 1e-12);      // d = -20: early alarm floored at u_fp
        assertEquals(-0.05, u1[7], 1e-12);      // d = -13: (d+12)/6 = -1/6 < -0.05
        assertEquals(0.0, u1[8], 1e-12);        // d = -12
        assertEquals(0.5, u1[11], 1e-12);       // d = -9
        assertEquals(1.0, u1[14], 1e-12);       // d = -6: optimal
        assertEquals(6.0 / 9, u1[17], 1e-12);   // d = -3: (3 - d)/9
        assertEquals(0.0, u1[23], 1e-12);       // d = 3
        assertEquals(0.0, u0[14], 1e-12);       // d = -6: no penalty yet
        assertEquals(-2.0 / 9, u0[15], 1e-12);  // d = -5: -2(d+6)/9
        assertEquals(-2.0 / 3, u0[17], 1e-12);  // d = -3
        assertEquals(-2.0, u0[23], 1e-12);      // d = 3: min_u_fn
        for (int t = 24; t < 30; t++) {         // d > 3: nothing counts
            assertEquals(0.0, u1[t]);
            assertEquals(0.0, u0[t]);
        }
        for (int t = 0; t <= 14; t++) {
            assertEquals(0.0, u0[t]);
        }
    }

    @Test
    void non_septic_rows_cost_0_05_per_alarm_and_nothing_otherwise() {
        UtilityScore.RowUtilities ru = UtilityScore.rowUtilities(new int[5]);
        assertArrayEquals(new double[] {-0.05, -0.05, -0.05, -0.05, -0.05}, ru.u1(), 0);
        assertArrayEquals(new double[5], ru.u0(), 0);
        assertEquals(-0.15, UtilityScore.patientUtility(new int[] {1, 0, 1, 0, 1}, new int[5]), 1e-12);
        assertEquals(0.0, UtilityScore.bestUtility(new int[5]));
        assertEquals(0.0, UtilityScore.inactionUtility(new int[5]));
        assertEquals(-1, UtilityScore.firstPositiveRow(new int[5]));
    }

    @Test
    void best_predictions_span_onset_minus_12_to_onset_plus_3_clipped_to_the_stay() {
        int[] labels = new int[30];
        Arrays.fill(labels, 14, 30, 1); // ts = 20 -> rows 8..23
        int[] best = UtilityScore.bestPredictions(labels);
        for (int t = 0; t < 30; t++) {
            assertEquals(t >= 8 && t <= 23 ? 1 : 0, best[t], "row " + t);
        }
        int[] fromStart = {1, 1, 1, 1, 1, 1, 1, 1}; // labelled from row 0: ts = 6 -> rows 0..7 (stay ends at 7)
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, UtilityScore.bestPredictions(fromStart));
        // rows 0..7 have d = -6..1: best earns 1 at d = -6 then (3 - d)/9 = 8/9..2/9; inaction pays -2(d + 6)/9
        double expectedBest = 1 + (8 + 7 + 6 + 5 + 4 + 3 + 2) / 9.0;
        assertEquals(expectedBest, UtilityScore.bestUtility(fromStart), 1e-12);
        double expectedInaction = -2.0 / 9 * (1 + 2 + 3 + 4 + 5 + 6 + 7);
        assertEquals(expectedInaction, UtilityScore.inactionUtility(fromStart), 1e-12);
    }

    @Test
    void best_predictions_score_one_and_inaction_scores_zero_when_normalized() {
        int[][] labels = {{0, 0, 0, 0, 1, 1}, {0, 0, 0}, labelsWithFirstPositive(40, 25)};
        int[][] best = Arrays.stream(labels).map(UtilityScore::bestPredictions).toArray(int[][]::new);
        int[][] none = Arrays.stream(labels).map(l -> new int[l.length]).toArray(int[][]::new);
        assertEquals(1.0, UtilityScore.normalizedUtility(best, labels), 1e-12);
        assertEquals(0.0, UtilityScore.normalizedUtility(none, labels), 1e-12);
        UtilityScore.Totals totals = UtilityScore.totals(best, labels);
        assertEquals(totals.best(), totals.observed(), 1e-12);
    }

    @Test
    void normalized_utility_is_undefined_without_septic_patients() {
        int[][] labels = {{0, 0}, {0}};
        assertTrue(Double.isNaN(UtilityScore.normalizedUtility(new int[][] {{1, 1}, {0}}, labels)));
        assertThrows(IllegalArgumentException.class,
                () -> UtilityScore.bestThreshold(new double[][] {{0.1, 0.2}, {0.3}}, labels));
    }

    @Test
    void probability_threshold_utility_equals_binarized_prediction_utility() {
        int[][] labels = {{0, 0, 0, 0, 1, 1}, {0, 0, 0, 0}};
        double[][] probs = {{0.1, 0.2, 0.5, 0.6, 0.9, 0.4}, {0.5, 0.49, 0.51, 0.0}};
        int[][] binary = {{0, 0, 1, 1, 1, 0}, {1, 0, 1, 0}};
        assertEquals(UtilityScore.normalizedUtility(binary, labels),
                UtilityScore.normalizedUtility(probs, labels, 0.5), 1e-12);
    }

    @Test
    void threshold_search_matches_brute_force_on_random_patients() {
        Random rnd = new Random(20190101);
        for (int trial = 0; trial < 20; trial++) {
            int patients = 5 + rnd.nextInt(30);
            int[][] labels = new int[patients][];
            double[][] probs = new double[patients][];
            for (int i = 0; i < patients; i++) {
                int n = 8 + rnd.nextInt(60);
                labels[i] = rnd.nextInt(3) == 0 ? labelsWithFirstPositive(n, rnd.nextInt(n)) : new int[n];
                if (i == 0) {
                    labels[i] = labelsWithFirstPositive(n, n / 2); // at least one septic patient
                }
                probs[i] = new double[n];
                for (int t = 0; t < n; t++) {
                    // coarse grid on some trials to create many ties, fine values on others; a mild signal
                    double p = Math.min(1.0, Math.max(0.0, 0.4 * labels[i][t] + 0.6 * rnd.nextDouble()));
                    probs[i][t] = trial % 2 == 0 ? Math.round(p * 20) / 20.0 : p;
                }
            }
            assertAgreesWithBruteForce(probs, labels);
        }
    }

    @Test
    void threshold_search_flips_tied_rows_together() {
        // Patient A: septic, first label row 6 -> onset ts = 12; B and C non-septic. Probability 0.7 is shared by a
        // useful row of A (d = -6, gain +1) and by 30 rows of B (each -0.05, total -1.5): flipping 0.7 as a block
        // loses, so the best cut must be 0.9 (only A's rows at 0.9), never "part of the 0.7 tie". A's remaining
        // rows (gain 2.5 + 105/9) sit at 0.0 with C's 400 rows (cost 20), so cutting at 0.0 loses too.
        int[] a = labelsWithFirstPositive(16, 6);
        double[] pa = new double[16];
        pa[7] = 0.9;  // d = -5: gain 8/9 - (-2/9) = 10/9
        pa[8] = 0.9;  // d = -4: gain 7/9 + 4/9 = 11/9
        pa[6] = 0.7;  // d = -6: gain 1
        double[] pb = new double[30];
        Arrays.fill(pb, 0.7);
        double[][] probs = {pa, pb, new double[400]};
        int[][] labels = {a, new int[30], new int[400]};
        UtilityScore.ThresholdChoice choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(0.9, choice.threshold());
        assertAgreesWithBruteForce(probs, labels);

        // Make the tie worth flipping (only 10 rows of B at 0.7, -0.5 total): now 0.7 wins.
        Arrays.fill(pb, 10, 30, 0.05);
        choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(0.7, choice.threshold());
        assertAgreesWithBruteForce(probs, labels);
    }

    @Test
    void threshold_search_returns_a_cut_above_every_probability_when_any_alarm_hurts() {
        // Patient A: septic, first label row 9 -> ts = 15. Rows 0..2 (d <= -13) only cost -0.05 when flagged and
        // get the high probabilities 0.8 / 0.6 / 0.4; its useful rows 3..9 (gain 0 + 1/6 + ... + 6/6 = 3.5) sit at
        // 0.0, tied with 100 rows of non-septic patient B (cost 100 * 0.05 = 5). Every cut loses: no alarm.
        int[] a = labelsWithFirstPositive(10, 9);
        double[] pa = new double[10];
        pa[0] = 0.8;
        pa[1] = 0.6;
        pa[2] = 0.4;
        double[][] probs = {pa, new double[100]};
        int[][] labels = {a, new int[100]};
        UtilityScore.ThresholdChoice choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(Math.nextUp(0.8), choice.threshold());
        assertEquals(0.0, choice.normalizedUtility());
        assertAgreesWithBruteForce(probs, labels);

        // With only 60 rows in B the 0.0 block is worth flipping (3.5 - 0.15 - 3.0 > 0): threshold 0.0.
        probs[1] = new double[60];
        labels[1] = new int[60];
        choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(0.0, choice.threshold());
        assertTrue(choice.normalizedUtility() > 0);
        assertAgreesWithBruteForce(probs, labels);
    }

    @Test
    void rejects_non_binary_labels_and_mismatched_lengths() {
        assertThrows(IllegalArgumentException.class, () -> UtilityScore.rowUtilities(new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> UtilityScore.patientUtility(new int[] {0, 1}, new int[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> UtilityScore.normalizedUtility(new double[][] {{0.5, Double.NaN}}, new int[][] {{0, 1}}, 0.5));
    }

    // ---------------------------------------------------------------------------------------------------------

    static int[] labelsWithFirstPositive(int n, int first) {
        int[] l = new int[n];
        Arrays.fill(l, first, n, 1);
        return l;
    }

    /** Brute force: every distinct probability plus "no alarm", each scored from scratch with patientUtility. */
    private static void assertAgreesWithBruteForce(double[][] probs, int[][] labels) {
        TreeSet<Double> candidates = new TreeSet<>();
        for (double[] p : probs) {
            for (double v : p) {
                candidates.add(v);
            }
        }
        double best = 0;
        for (int[] l : labels) {
            best += UtilityScore.bestUtility(l);
        }
        double inaction = 0;
        for (int[] l : labels) {
            inaction += UtilityScore.inactionUtility(l);
        }
        double bruteValue = 0; // no alarm
        for (double thr : candidates.descendingSet()) {
            double observed = 0;
            for (int i = 0; i < probs.length; i++) {
                int[] pred = new int[probs[i].length];
                for (int t = 0; t < pred.length; t++) {
                    pred[t] = probs[i][t] >= thr ? 1 : 0;
                }
                observed += UtilityScore.patientUtility(pred, labels[i]);
            }
            bruteValue = Math.max(bruteValue, (observed - inaction) / (best - inaction));
        }
        UtilityScore.ThresholdChoice choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(bruteValue, choice.normalizedUtility(), 1e-9);
        // the threshold is achievable and really gives that value
        assertEquals(choice.normalizedUtility(), UtilityScore.normalizedUtility(probs, labels, choice.threshold()),
                1e-12);
        assertTrue(candidates.contains(choice.threshold())
                        || choice.threshold() == Math.nextUp(candidates.last()),
                "threshold " + choice.threshold() + " is not a cut point");
    }
}
