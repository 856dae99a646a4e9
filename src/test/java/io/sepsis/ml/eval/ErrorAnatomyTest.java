package io.sepsis.ml.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorAnatomyTest {

    @Test
    void auroc_separates_which_patients_from_when() {
        // a non-septic stay, and a septic stay whose last two hours are labelled
        double[][] p = {{0.10, 0.20}, {0.30, 0.05, 0.40, 0.25}};
        int[][] y = {{0, 0}, {0, 0, 1, 1}};
        ErrorAnatomy.Auroc a = ErrorAnatomy.auroc(p, y);
        assertEquals(7 / 8.0, a.all(), 1e-12, "0.40 beats all four unlabelled hours, 0.25 three of them");
        assertEquals(1.0, a.againstNonSepticStays(), 1e-12, "both labelled hours above 0.10 and 0.20");
        assertEquals(3 / 4.0, a.withinSepticStays(), 1e-12, "0.25 is below the same stay's earlier 0.30");
        assertEquals(3 / 4.0, a.meanWithinSepticStay(), 1e-12);
        assertEquals(1, a.septicStaysScored());
        assertEquals(2, a.labelledHours());
        assertEquals(2, a.unlabelledSepticHours());
        assertEquals(2, a.nonSepticHours());
        assertEquals(0.325, a.meanLabelled(), 1e-12);
        assertEquals(0.175, a.meanUnlabelledSeptic(), 1e-12);
        assertEquals(0.15, a.meanNonSeptic(), 1e-12);
    }

    @Test
    void within_septic_stays_pools_across_stays_while_the_per_stay_mean_does_not() {
        // each stay ranks its own labelled hour on top, but one stay's early hours outrank the other's labelled one
        double[][] p = {{0.50, 0.60}, {0.10, 0.20}};
        int[][] y = {{0, 1}, {0, 1}};
        ErrorAnatomy.Auroc a = ErrorAnatomy.auroc(p, y);
        assertEquals(1.0, a.meanWithinSepticStay(), 1e-12);
        assertEquals(3 / 4.0, a.withinSepticStays(), 1e-12, "0.20 is below the other stay's unlabelled 0.50");
        assertEquals(Double.NaN, a.meanNonSeptic());
    }

    @Test
    void when_by_hours_before_bands_the_septic_stays_earlier_hours_by_distance_to_their_first_label() {
        // septic stay A: hours 0..3 are 4, 3, 2, 1 h before its first labelled hour 4; stay B: 2 and 1 h before;
        // a non-septic stay, which no band holds
        double[][] p = {{0.9, 0.1, 0.3, 0.5, 0.6, 0.7}, {0.8, 0.2, 0.4}, {0.95, 0.05}};
        int[][] y = {{0, 0, 0, 0, 1, 1}, {0, 0, 1}, {0, 0}};
        List<ErrorAnatomy.Band> bands = ErrorAnatomy.whenByHoursBefore(p, y, 1, 3);
        assertEquals(2, bands.size());
        ErrorAnatomy.Band near = bands.get(0); // 1-2 h before: A's 0.3, 0.5 and B's 0.8, 0.2
        assertEquals(1, near.fromHours());
        assertEquals(3, near.toHours());
        assertEquals(4, near.hours());
        assertEquals(0.45, near.meanProbability(), 1e-12);
        // labelled 0.6, 0.7, 0.4 against 0.3, 0.5, 0.8, 0.2: 3 + 3 + 2 = 8 of 12 pairs
        assertEquals(8 / 12.0, near.aurocVsLabelled(), 1e-12);
        ErrorAnatomy.Band far = bands.get(1); // 3 h or more before: A's 0.9 and 0.1
        assertEquals(Integer.MAX_VALUE, far.toHours());
        assertEquals(2, far.hours());
        assertEquals(0.5, far.meanProbability(), 1e-12);
        assertEquals(3 / 6.0, far.aurocVsLabelled(), 1e-12, "every labelled hour beats 0.1, none beats 0.9");
    }

    @Test
    void when_by_hours_before_refuses_bands_that_do_not_increase_from_one_hour() {
        double[][] p = {{0.1, 0.2}};
        int[][] y = {{0, 1}};
        assertThrows(IllegalArgumentException.class,
                () -> ErrorAnatomy.whenByHoursBefore(p, y, 0, 6));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorAnatomy.whenByHoursBefore(p, y, 6, 6));
        assertThrows(IllegalArgumentException.class,
                () -> ErrorAnatomy.whenByHoursBefore(p, y));
    }

    @Test
    void the_utility_readme_example_splits_into_early_and_labelled_alarms() {
        // README unit check: labels [0,0,0,0,1,1], predictions [0,0,1,1,1,1] -> patient utility 3.3889.
        // Onset at row 10: rows 2..4 are 8, 7 and 6 h before it (gains 4/6, 5/6, 1), row 5 is 5 h before (gain 10/9).
        double[][] p = {{0, 0, 1, 1, 1, 1}};
        int[][] y = {{0, 0, 0, 0, 1, 1}};
        ErrorAnatomy.Utility u = ErrorAnatomy.utility(p, y, 0.5);
        UtilityScore.Totals t = UtilityScore.totals(p, y, 0.5);
        double denominator = t.best() - t.inaction();
        assertEquals(3.3889, t.observed(), 1e-4);
        assertEquals((4 / 6.0 + 5 / 6.0 + 1) / denominator, u.alarmsEarly(), 1e-12);
        assertEquals((10 / 9.0) / denominator, u.alarmsLabelled(), 1e-12);
        assertEquals(0, u.alarmsNonSepticStays());
        assertEquals(0, u.alarmsTooEarly());
        assertEquals((2 / 6.0 + 3 / 6.0) / denominator, u.missedGain(), 1e-12, "rows 0 and 1, 10 and 9 h early");
        assertArrayEquals(new long[]{0, 0, 3, 1}, u.alarmHours());
    }

    @Test
    void the_alarm_terms_add_up_to_the_normalized_utility_and_the_missed_gain_to_the_rest() {
        SplittableRandom r = new SplittableRandom(7);
        int stays = 300;
        double[][] p = new double[stays][];
        int[][] y = new int[stays][];
        for (int i = 0; i < stays; i++) {
            int n = 8 + r.nextInt(60);
            p[i] = new double[n];
            y[i] = new int[n];
            int firstLabel = r.nextInt(4) == 0 ? r.nextInt(n) : n; // a quarter septic
            for (int t = 0; t < n; t++) {
                y[i][t] = t >= firstLabel ? 1 : 0;
                p[i][t] = Math.min(1, r.nextDouble() * 0.6 + (t >= firstLabel - 8 && firstLabel < n ? 0.3 : 0));
            }
        }
        for (double threshold : new double[]{0.2, 0.5, 0.8}) {
            ErrorAnatomy.Utility u = ErrorAnatomy.utility(p, y, threshold);
            double alarms = u.alarmsNonSepticStays() + u.alarmsTooEarly() + u.alarmsEarly() + u.alarmsLabelled();
            assertEquals(UtilityScore.normalizedUtility(p, y, threshold), alarms, 1e-9);
            assertEquals(u.normalized(), alarms, 1e-9);
            // predicting 1 wherever an alarm gains gives the best utility: the best is everything positive
            double positiveGainsTaken = u.alarmsEarly() + u.alarmsLabelled();
            assertEquals(1.0, positiveGainsTaken + u.missedGain(), 1e-9, "at threshold " + threshold);
        }
    }
}
