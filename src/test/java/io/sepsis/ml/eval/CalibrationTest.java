package io.sepsis.ml.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    @Test
    void brier_is_the_mean_squared_error_of_probabilities() {
        assertEquals((0.01 + 0.01 + 0.25) / 3, Calibration.brier(new double[] {0.1, 0.9, 0.5}, new int[] {0, 1, 1}),
                1e-12);
        assertEquals(0.0, Calibration.brier(new double[] {0, 1}, new int[] {0, 1}));
        assertEquals(1.0, Calibration.brier(new double[] {1, 0}, new int[] {0, 1}));
        assertEquals((0.04 + 0.64 + 0.09) / 3,
                Calibration.brier(new double[][] {{0.2}, {0.2, 0.7}}, new int[][] {{0}, {1, 1}}), 1e-12);
    }

    @Test
    void reliability_table_bins_by_equal_width_tenths() {
        double[] p = {0.05, 0.15, 0.12, 0.95, 1.0, 0.3, 0.1};
        int[] y = {0, 1, 0, 1, 1, 0, 1};
        Calibration.ReliabilityTable table = Calibration.reliability(p, y);
        List<Calibration.ReliabilityBin> bins = table.bins();
        assertEquals(10, bins.size());
        assertEquals(7, table.count());

        assertBin(bins.get(0), 0.0, 0.1, 1, 0.05, 0.0);
        assertBin(bins.get(1), 0.1, 0.2, 3, (0.15 + 0.12 + 0.1) / 3, 2.0 / 3); // 0.1 opens bin 1
        assertBin(bins.get(3), 0.3, 0.4, 1, 0.3, 0.0);                           // 0.3 opens bin 3
        assertBin(bins.get(9), 0.9, 1.0, 2, 0.975, 1.0);                         // 1.0 closes the last bin
        for (int b : new int[] {2, 4, 5, 6, 7, 8}) {
            assertEquals(0, bins.get(b).count());
            assertTrue(Double.isNaN(bins.get(b).meanPredicted()));
            assertTrue(Double.isNaN(bins.get(b).observedRate()));
        }
        double ece = (1 * 0.05 + 3 * Math.abs((0.15 + 0.12 + 0.1) / 3 - 2.0 / 3) + 1 * 0.3 + 2 * 0.025) / 7;
        assertEquals(ece, table.expectedCalibrationError(), 1e-12);
    }

    @Test
    void every_bin_edge_value_lands_in_the_bin_it_opens() {
        for (int k = 0; k <= 10; k++) {
            double p = k / 10.0;
            Calibration.ReliabilityTable t = Calibration.reliability(new double[] {p}, new int[] {0});
            int expected = Math.min(k, 9);
            assertEquals(1, t.bins().get(expected).count(), "p = " + p);
        }
        // just below an edge stays in the lower bin
        Calibration.ReliabilityTable t = Calibration.reliability(new double[] {Math.nextDown(0.7)}, new int[] {0});
        assertEquals(1, t.bins().get(6).count());
    }

    private static void assertBin(Calibration.ReliabilityBin bin, double lower, double upper, long count,
                                  double mean, double rate) {
        assertEquals(lower, bin.lower(), 1e-15);
        assertEquals(upper, bin.upper(), 1e-15);
        assertEquals(count, bin.count());
        assertEquals(mean, bin.meanPredicted(), 1e-12);
        assertEquals(rate, bin.observedRate(), 1e-12);
    }
}
