package io.sepsis.ml.training;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingOptionsTest {

    @Test
    void xgb_overrides_replace_the_shipped_parameters_with_xgboosts_own_types() {
        TrainingOptions o = TrainingOptions.parse(new String[]{
            "--xgb", "min_child_weight=50, colsample_bytree=0.5,grow_policy=lossguide"});
        Map<String, Object> p = TrainModel.params(o);
        assertEquals(50, p.get("min_child_weight"));
        assertEquals(0.5, p.get("colsample_bytree"));
        assertEquals("lossguide", p.get("grow_policy"));
        assertEquals(0.8, p.get("subsample"), "parameters not named keep their default");
    }

    @Test
    void without_overrides_the_parameters_are_the_shipped_ones() {
        Map<String, Object> p = TrainModel.params(TrainingOptions.parse(new String[0]));
        assertEquals(5, p.get("min_child_weight"));
        assertEquals(0.7, p.get("colsample_bytree"));
        assertEquals(6, p.get("max_depth"));
        assertEquals(0.05, p.get("eta"));
    }

    @Test
    void mask_features_blanks_exactly_the_columns_whose_names_match() {
        TrainingOptions o = TrainingOptions.parse(new String[]{"--mask-features", ".*_hours_since|Age"});
        java.util.List<String> names = io.sepsis.ml.features.FeatureSchema.names();
        int cols = names.size();
        float[] x = new float[2 * cols];
        java.util.Arrays.fill(x, 1f);
        Dataset d = new Dataset(x, new float[2], new int[2], new int[2], 2, cols);
        int blanked = d.mask(o.maskFeatures());
        int expected = 0;
        for (int c = 0; c < cols; c++) {
            boolean match = names.get(c).endsWith("_hours_since") || names.get(c).equals("Age");
            expected += match ? 1 : 0;
            for (int r = 0; r < 2; r++) {
                assertEquals(match, Float.isNaN(x[r * cols + c]), names.get(c));
            }
        }
        assertEquals(expected, blanked);
        assertEquals(34, blanked, "33 hours-since columns and Age");
        assertEquals(null, TrainingOptions.parse(new String[0]).maskFeatures(), "no ablation by default");
    }

    @Test
    void a_malformed_override_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[]{"--xgb", "lambda"}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[]{"--xgb", "=3"}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[]{"--xgb", "lambda="}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[]{"--xgb", "lambda= ,eta=1"}));
    }
}
