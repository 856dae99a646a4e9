package io.sepsis.ml.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionCountsTest {

    @Test
    void accuracy_and_f_measure_from_binary_predictions() {
        ConfusionCounts c = ConfusionCounts.of(new int[] {1, 1, 0, 0, 1}, new int[] {1, 0, 1, 0, 1});
        assertEquals(new ConfusionCounts(2, 1, 1, 1), c);
        assertEquals(0.6, c.accuracy(), 1e-12);
        assertEquals(4.0 / 6, c.fMeasure(), 1e-12);
    }

    @Test
    void empty_denominators_give_one_like_the_official_script() {
        ConfusionCounts none = ConfusionCounts.of(new int[0], new int[0]);
        assertEquals(1.0, none.accuracy());
        assertEquals(1.0, none.fMeasure());
        ConfusionCounts allNegative = ConfusionCounts.of(new int[] {0, 0}, new int[] {0, 0});
        assertEquals(1.0, allNegative.accuracy());
        assertEquals(1.0, allNegative.fMeasure());
    }

    @Test
    void pooled_counts_sum_over_patients() {
        ConfusionCounts c = ConfusionCounts.of(new int[][] {{1, 0}, {1}}, new int[][] {{1, 1}, {0}});
        assertEquals(new ConfusionCounts(1, 1, 1, 0), c);
        assertEquals(0.5, c.fMeasure(), 1e-12);
    }

    @Test
    void rejects_non_binary_predictions() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.of(new int[] {2}, new int[] {1}));
    }
}
