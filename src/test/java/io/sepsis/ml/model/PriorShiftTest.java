package io.sepsis.ml.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorShiftTest {
    /** Set A's rates, as the shipped manifest records them. */
    static final TrainingPrevalence SET_A = new TrainingPrevalence(0.02168523756192935, 0.08802124311565697, 20336, 790215);

    @Test
    void the_training_populations_own_rate_changes_nothing() {
        PriorShift same = PriorShift.toSite(SET_A, SET_A.septicStayRate());
        assertEquals(1.0, same.oddsFactor(), 1e-12);
        assertEquals(0.0258, same.apply(0.0258), 1e-12);
        assertEquals(0.0258, PriorShift.NONE.apply(0.0258));
    }

    @Test
    void a_site_with_half_the_septic_stays_gets_about_half_the_odds() {
        PriorShift half = PriorShift.toSite(SET_A, SET_A.septicStayRate() / 2);
        double train = SET_A.hourlyLabelRate();
        double site = train / 2;
        assertEquals(site, half.siteHourlyRate(), 1e-12);
        assertEquals((site / (1 - site)) / (train / (1 - train)), half.oddsFactor(), 1e-12);
        // p = 0.05: odds 0.052632 x 0.494519 = 0.026027 -> p = 0.025367
        assertEquals(0.025367, half.apply(0.05), 1e-6);
    }

    @Test
    void the_shift_is_monotone_and_keeps_0_and_1() {
        PriorShift rarer = PriorShift.toSite(SET_A, 0.04);
        PriorShift commoner = PriorShift.toSite(SET_A, 0.20);
        double prev = -1;
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            double q = rarer.apply(p);
            assertTrue(q > prev && q < p, "rarer sepsis lowers every probability, in order: " + p);
            assertTrue(commoner.apply(p) > p, "commoner sepsis raises it: " + p);
            prev = q;
        }
        assertEquals(0.0, rarer.apply(0.0));
        assertEquals(1.0, rarer.apply(1.0));
    }

    @Test
    void rates_outside_0_to_1_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> PriorShift.toSite(SET_A, 0));
        assertThrows(IllegalArgumentException.class, () -> PriorShift.toSite(SET_A, 6));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPrevalence(0, 0.1, 1, 1));
    }

    @Test
    void training_prevalence_counts_labelled_hours_and_septic_stays() {
        TrainingPrevalence p = TrainingPrevalence.of(new int[][]{{0, 0, 1, 1}, {0, 0, 0, 0}, {0, 0}, {0, 1}});
        assertEquals(3.0 / 12, p.hourlyLabelRate(), 1e-12);
        assertEquals(2.0 / 4, p.septicStayRate(), 1e-12);
        assertEquals(4, p.stays());
        assertEquals(12, p.hours());
    }
}
