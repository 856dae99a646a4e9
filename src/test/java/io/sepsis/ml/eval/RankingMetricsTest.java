package io.sepsis.ml.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankingMetricsTest {

    @Test
    void hand_computed_example_without_zero_or_one() {
        // thresholds 1, .9, .8, .7, .6 -> (TPR, TNR, PPV): (0,1,1) (.5,1,1) (.5,.5,.5) (1,.5,2/3) (1,0,.5)
        double[] p = {0.9, 0.8, 0.7, 0.6};
        int[] y = {1, 0, 1, 0};
        RankingMetrics.Scores s = RankingMetrics.compute(p, y);
        assertEquals(0.75, s.auroc(), 1e-12);
        assertEquals(0.5 + 0.5 * 2.0 / 3, s.auprc(), 1e-12);
        assertEquals(5, s.thresholds());
    }

    @Test
    void probability_one_is_counted_at_the_first_threshold_and_zeros_never_count() {
        // thresholds: distinct {1, .6, .3, 0} -> 1 already first, 0 dropped -> 1, .6, .3
        // (TPR, TNR, PPV): (1/3, 1, 1) (2/3, 1, 1) (2/3, .5, 2/3): the curve runs from TPR 1/3 to 2/3 only
        double[] p = {1.0, 0.6, 0.3, 0.0, 0.0};
        int[] y = {1, 1, 0, 1, 0};
        RankingMetrics.Scores s = RankingMetrics.compute(p, y);
        assertEquals(1.0 / 3, s.auroc(), 1e-12);
        assertEquals(1.0 / 3, s.auprc(), 1e-12);
        assertEquals(3, s.thresholds());
    }

    @Test
    void perfect_ranking_gives_one() {
        double[] p = {0.9, 0.8, 0.2, 0.1};
        int[] y = {1, 1, 0, 0};
        assertEquals(1.0, RankingMetrics.auroc(p, y), 1e-12);
        assertEquals(1.0, RankingMetrics.auprc(p, y), 1e-12);
    }

    @Test
    void reversed_ranking_gives_zero_auroc() {
        double[] p = {0.1, 0.2, 0.8, 0.9};
        int[] y = {1, 1, 0, 0};
        assertEquals(0.0, RankingMetrics.auroc(p, y), 1e-12);
        // PR: TPR rises only at thresholds .2 (PPV 2/4... ) -> step .5 * 1/3 + .5 * 2/4
        assertEquals(0.5 / 3 + 0.5 * 0.5, RankingMetrics.auprc(p, y), 1e-12);
    }

    @Test
    void zero_one_probabilities_give_zero_auroc_and_auprc() {
        double[] p = {1, 1, 0, 0, 1};
        int[] y = {1, 1, 0, 0, 0};
        RankingMetrics.Scores s = RankingMetrics.compute(p, y);
        assertEquals(0.0, s.auroc());
        assertEquals(0.0, s.auprc());
        assertEquals(1, s.thresholds());
    }

    @Test
    void all_equal_probabilities_give_one_half_auroc_and_prevalence_auprc() {
        double[] p = {0.3, 0.3, 0.3, 0.3, 0.3};
        int[] y = {1, 0, 0, 1, 0};
        RankingMetrics.Scores s = RankingMetrics.compute(p, y);
        assertEquals(0.5, s.auroc(), 1e-12);
        assertEquals(0.4, s.auprc(), 1e-12);
        // all exactly 0 or all exactly 1: a single threshold, so both areas are 0
        assertEquals(0.0, RankingMetrics.auroc(new double[] {0, 0, 0}, new int[] {1, 0, 0}));
        assertEquals(0.0, RankingMetrics.auroc(new double[] {1, 1, 1}, new int[] {1, 0, 0}));
    }

    @Test
    void without_positive_labels_both_areas_are_zero() {
        RankingMetrics.Scores s = RankingMetrics.compute(new double[] {0.2, 0.5, 0.7}, new int[] {0, 0, 0});
        assertEquals(0.0, s.auroc());
        assertEquals(0.0, s.auprc());
    }

    @Test
    void auroc_equals_pairwise_mann_whitney_on_random_untied_data() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1500 + trial * 200;
            double[] p = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
                // distinct values strictly inside (0, 1), with some signal
                p[i] = (i + 1.0) / (n + 2.0) * 0.5 + 0.4 * y[i] * rnd.nextDouble() + 1e-9 * rnd.nextDouble();
            }
            long wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] != 1) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (y[j] == 0) {
                        pairs++;
                        if (p[i] > p[j]) {
                            wins++;
                        }
                    }
                }
            }
            assertEquals((double) wins / pairs, RankingMetrics.auroc(p, y), 1e-12);
        }
    }

    @Test
    void pooled_overload_equals_flattened_computation() {
        double[][] p = {{0.9, 0.8}, {0.7, 0.6, 0.2}};
        int[][] y = {{1, 0}, {1, 0, 1}};
        RankingMetrics.Scores pooled = RankingMetrics.compute(p, y);
        RankingMetrics.Scores flat = RankingMetrics.compute(new double[] {0.9, 0.8, 0.7, 0.6, 0.2},
                new int[] {1, 0, 1, 0, 1});
        assertEquals(flat, pooled);
    }

    @Test
    void rejects_out_of_range_probabilities_and_empty_input() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[] {1.2}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.auroc(new double[] {Double.NaN}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.auroc(new double[0], new int[0]));
    }
}
