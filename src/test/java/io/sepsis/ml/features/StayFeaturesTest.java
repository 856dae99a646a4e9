package io.sepsis.ml.features;

import io.sepsis.clinical.Field;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StayFeaturesTest {

    static double[] row(Object... fieldValuePairs) {
        double[] r = new double[Field.COUNT];
        Arrays.fill(r, Double.NaN);
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            r[((Field) fieldValuePairs[i]).ordinal()] = ((Number) fieldValuePairs[i + 1]).doubleValue();
        }
        return r;
    }

    static float feature(float[] x, String name) {
        int i = FeatureSchema.names().indexOf(name);
        assertTrue(i >= 0, "no feature " + name);
        return x[i];
    }

    static float[] features(StayFeatures s) {
        float[] x = new float[FeatureSchema.size()];
        s.write(x);
        return x;
    }

    @Test
    void feature_names_are_unique_and_exclude_icu_type() {
        List<String> names = FeatureSchema.names();
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("Unit1") || n.startsWith("Unit2")),
                "the ICU type encodes the hospital, not the patient");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("EtCO2")), "EtCO2 is never measured in set A");
    }

    @Test
    void forward_fills_and_counts_hours_since_measured() {
        StayFeatures s = new StayFeatures();
        s.push(row(Field.HR, 100, Field.Lactate, 3.0));
        s.push(row(Field.HR, 110));
        s.push(row());
        float[] x = features(s);
        assertEquals(110f, feature(x, "HR"));
        assertEquals(1f, feature(x, "HR_hours_since"));
        assertEquals(3.0f, feature(x, "Lactate"));
        assertEquals(2f, feature(x, "Lactate_hours_since"));
        assertTrue(Float.isNaN(feature(x, "WBC")), "never measured stays missing");
        assertTrue(Float.isNaN(feature(x, "WBC_hours_since")));
        assertEquals(3f, feature(x, "hours_observed"));
    }

    @Test
    void window_statistics_use_the_last_six_hours_only() {
        StayFeatures s = new StayFeatures();
        double[] hr = {200, 60, 70, 80, 90, 100, 110};
        for (double v : hr) {
            s.push(row(Field.HR, v, Field.SBP, 100));
        }
        float[] x = features(s);
        assertEquals(60f, feature(x, "HR_min6")); // 200 is 7 hours back, outside the window
        assertEquals(110f, feature(x, "HR_max6"));
        assertEquals(85f, feature(x, "HR_mean6"), 1e-4);
        assertEquals(10f, feature(x, "HR_slope6"), 1e-4);
        assertEquals((float) ((200 + 60 + 70 + 80 + 90 + 100 + 110) / 7.0), feature(x, "HR_mean24"), 1e-3);
        assertEquals(1.1f, feature(x, "shock_index"), 1e-6);
        assertEquals(1.1f, feature(x, "shock_index_max6"), 1e-6, "HR 200 is 6 h back, outside the window");
    }

    @Test
    void lab_change_is_the_difference_between_the_last_two_draws() {
        StayFeatures s = new StayFeatures();
        s.push(row(Field.Creatinine, 1.0));
        s.push(row());
        s.push(row(Field.Creatinine, 2.5));
        float[] x = features(s);
        assertEquals(1.5f, feature(x, "Creatinine_change"), 1e-6);
        assertTrue(Float.isNaN(feature(x, "Lactate_change")));
    }

    @Test
    void features_at_an_hour_never_depend_on_later_hours() {
        double[][] stay = {row(Field.HR, 80, Field.Temp, 37), row(Field.HR, 90), row(Field.HR, 130, Field.Temp, 39.5),
                row(Field.HR, 140, Field.Lactate, 4)};
        StayFeatures full = new StayFeatures();
        for (int t = 0; t < stay.length; t++) {
            full.push(stay[t]);
            float[] incremental = features(full);
            StayFeatures prefix = new StayFeatures();
            for (int u = 0; u <= t; u++) {
                prefix.push(stay[u]);
            }
            assertArrayEquals(features(prefix), incremental, "hour " + t);
        }
    }

    @Test
    void partial_sofa_and_its_24h_rise_follow_the_organ_points() {
        StayFeatures s = new StayFeatures();
        s.push(row(Field.Platelets, 200, Field.Creatinine, 0.9, Field.MAP, 80));
        s.push(row(Field.Platelets, 45, Field.Creatinine, 2.1, Field.MAP, 60));
        float[] x = features(s);
        assertEquals(3f, feature(x, "sofa_coag"));
        assertEquals(2f, feature(x, "sofa_renal"));
        assertEquals(1f, feature(x, "sofa_cardio"));
        assertEquals(6f, feature(x, "sofa_partial"));
        assertEquals(6f, feature(x, "sofa_delta24"), "rose from 0 to 6");
    }

    @Test
    void a_snapshot_is_the_same_as_a_stay_of_one_hour() {
        double[] r = row(Field.HR, 120, Field.SBP, 85, Field.Resp, 26, Field.Lactate, 4.1, Field.Age, 70);
        float[] snap = new float[FeatureSchema.size()];
        StayFeatures.snapshot(r, snap);
        StayFeatures one = new StayFeatures();
        one.push(r);
        assertArrayEquals(features(one), snap);
        assertEquals(0f, feature(snap, "Lactate_hours_since"));
        assertEquals(2f, feature(snap, "qsofa_partial"));
    }

    @Test
    void features_are_finite_or_missing_even_with_zero_denominators() {
        float[] x = new float[FeatureSchema.size()];
        StayFeatures.snapshot(row(Field.HR, 0, Field.SBP, 0, Field.MAP, 0, Field.DBP, 0, Field.BUN, 30,
                Field.Creatinine, 0, Field.O2Sat, 0, Field.FiO2, 0.21), x);
        for (int i = 0; i < x.length; i++) {
            assertTrue(Float.isNaN(x[i]) || Float.isFinite(x[i]), FeatureSchema.names().get(i) + " = " + x[i]);
        }
        assertTrue(Float.isNaN(feature(x, "shock_index")));
    }

    @Test
    void writing_before_any_observation_is_refused() {
        assertThrows(IllegalStateException.class, () -> features(new StayFeatures()));
    }
}
