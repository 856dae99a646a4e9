package io.sepsis.ml.eval;

import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The reference values of the data README (official script on PhysioNet 2019 training set A). */
class SetAReferenceTest {
    private static final Path SET_A = Path.of("../shared/data/physionet2019/training_setA.tar.gz");

    private static int[][] labels;

    @BeforeAll
    static void loadSetA() throws Exception {
        List<Stay> stays = PhysioNetArchive.load(SET_A);
        labels = stays.stream().map(Stay::labels).toArray(int[][]::new);
    }

    @Test
    void set_a_has_the_documented_patients_rows_and_positives() {
        assertEquals(20_336, labels.length);
        assertEquals(790_215, Arrays.stream(labels).mapToInt(l -> l.length).sum());
        assertEquals(1_790, Arrays.stream(labels).filter(l -> UtilityScore.firstPositiveRow(l) >= 0).count());
        assertEquals(17_136, Arrays.stream(labels).flatMapToInt(Arrays::stream).sum());
    }

    @Test
    void all_zeros_on_set_a_gives_zero_utility() {
        assertEquals(0.0, UtilityScore.normalizedUtility(constant(0), labels), 1e-12);
    }

    @Test
    void all_ones_on_set_a_gives_reference_utility() {
        assertEquals(-0.31052, UtilityScore.normalizedUtility(constant(1), labels), 5e-6);
    }

    @Test
    void predicting_the_sepsis_label_on_set_a_gives_reference_utility() {
        assertEquals(0.86893, UtilityScore.normalizedUtility(labels, labels), 5e-6);
    }

    @Test
    void alarm_from_six_hours_before_first_label_to_the_end_on_set_a_gives_one() {
        int[][] predictions = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            predictions[i] = new int[labels[i].length];
            int first = UtilityScore.firstPositiveRow(labels[i]);
            if (first >= 0) {
                Arrays.fill(predictions[i], Math.max(0, first - 6), predictions[i].length, 1);
            }
        }
        assertEquals(1.0, UtilityScore.normalizedUtility(predictions, labels), 1e-12);
    }

    @Test
    void best_and_inaction_sums_on_set_a_match_reference() {
        UtilityScore.Totals totals = UtilityScore.totals(constant(0), labels);
        assertEquals(12_759.17, totals.best(), 0.005);
        assertEquals(-16_396.67, totals.inaction(), 0.005);
        assertEquals(totals.inaction(), totals.observed(), 0.0);
    }

    @Test
    void threshold_search_on_label_probabilities_picks_one_and_reaches_label_utility() {
        double[][] probs = asProbabilities(labels);
        UtilityScore.ThresholdChoice choice = UtilityScore.bestThreshold(probs, labels);
        assertEquals(1.0, choice.threshold());
        assertEquals(0.86893, choice.normalizedUtility(), 5e-6);
        assertEquals(-0.31052, UtilityScore.normalizedUtility(probs, labels, 0.0), 5e-6);
    }

    @Test
    void auroc_and_auprc_on_set_a_follow_the_official_recipe_at_scale() {
        // 0/1 probabilities: the official quirk gives 0 for both.
        RankingMetrics.Scores quirk = RankingMetrics.compute(asProbabilities(labels), labels);
        assertEquals(0.0, quirk.auroc());
        assertEquals(0.0, quirk.auprc());

        // Perfect separation away from 0 and 1: both areas are 1.
        double[][] separated = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            separated[i] = Arrays.stream(labels[i]).mapToDouble(l -> 0.25 + 0.5 * l).toArray();
        }
        RankingMetrics.Scores perfect = RankingMetrics.compute(separated, labels);
        assertEquals(1.0, perfect.auroc(), 1e-12);
        assertEquals(1.0, perfect.auprc(), 1e-12);

        // Uninformative random scores on all 790,215 rows: AUROC ~ 0.5, AUPRC ~ prevalence, and fast (O(N log N)).
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] noise = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            noise[i] = rnd.doubles(labels[i].length).toArray();
        }
        RankingMetrics.Scores random = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> RankingMetrics.compute(noise, labels));
        assertEquals(0.5, random.auroc(), 0.01);
        assertEquals(17_136 / 790_215.0, random.auprc(), 0.003);
    }

    private static int[][] constant(int value) {
        int[][] p = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            p[i] = new int[labels[i].length];
            Arrays.fill(p[i], value);
        }
        return p;
    }

    private static double[][] asProbabilities(int[][] l) {
        return Arrays.stream(l).map(a -> Arrays.stream(a).asDoubleStream().toArray()).toArray(double[][]::new);
    }
}
