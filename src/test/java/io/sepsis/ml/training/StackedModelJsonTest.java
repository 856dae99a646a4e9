package io.sepsis.ml.training;

import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.model.TreeEnsemble;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three boosters trained on real set-A rows with the stages' labels and rows, merged into one model: xgboost4j and
 * the service's evaluator both read it, and both give the logistic of the weighted sum of the stages' margins.
 */
class StackedModelJsonTest {
    static Dataset rows;
    static boolean[] septic;

    @BeforeAll
    static void load() throws Exception {
        List<Stay> stays = PhysioNetArchive.load(Path.of("../shared/data/physionet2019/training_setA.tar.gz"),
                id -> id.endsWith("3"));
        stays = stays.subList(0, 300);
        rows = Dataset.history(stays);
        septic = new boolean[stays.size()];
        for (int s = 0; s < stays.size(); s++) {
            septic[s] = stays.get(s).septic();
        }
        assertTrue(rows.rows() > 5_000 && rows.y().length > 0);
    }

    @Test
    void the_merged_model_predicts_the_weighted_sum_of_the_stage_margins_in_xgboost4j_and_in_java() throws Exception {
        DMatrix all = new DMatrix(rows.x(), rows.rows(), rows.cols(), Float.NaN);
        List<Booster> boosters = new ArrayList<>();
        List<byte[]> json = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            DMatrix m = new DMatrix(rows.x(), rows.rows(), rows.cols(), Float.NaN);
            m.setLabel(stage.labels(rows.y(), rows.stay(), septic));
            DMatrix train = m.slice(rows.rowsWhere(s -> stage.trainsOn(septic[s])));
            Map<String, Object> p = new HashMap<>();
            p.put("objective", "binary:logistic");
            p.put("max_depth", 4);
            p.put("eta", 0.15);
            p.put("nthread", 1);
            p.put("seed", 1);
            stage.tune(p);
            Booster b = XGBoost.train(train, p, 15, new HashMap<>(), null, null);
            boosters.add(b);
            json.add(b.toByteArray("json"));
        }
        float w = Stage.weight(3);
        byte[] merged = StackedModelJson.merge(json, new float[]{w, w, w});

        Booster reference = XGBoost.loadModel(new ByteArrayInputStream(merged));
        TreeEnsemble ours = TreeEnsemble.fromJson(new ByteArrayInputStream(merged));
        assertEquals(45, ours.numTrees());
        float[][] xgb = reference.predict(all);
        float[][][] margins = new float[3][][];
        for (int i = 0; i < 3; i++) {
            margins[i] = boosters.get(i).predict(all, true);
        }
        float[] x = new float[rows.cols()];
        double maxXgb = 0;
        double maxJava = 0;
        for (int r = 0; r < rows.rows(); r++) {
            double sum = w * (margins[0][r][0] + margins[1][r][0] + margins[2][r][0]);
            double expected = 1 / (1 + Math.exp(-sum));
            System.arraycopy(rows.x(), r * rows.cols(), x, 0, rows.cols());
            maxXgb = Math.max(maxXgb, Math.abs(xgb[r][0] - expected));
            maxJava = Math.max(maxJava, Math.abs(TreeEnsemble.sigmoid(ours.margin(x)) - expected));
        }
        assertTrue(maxXgb < 1e-6, "xgboost4j on the merged model vs the stages: " + maxXgb);
        assertTrue(maxJava < 1e-6, "pure Java on the merged model vs the stages: " + maxJava);
    }

    @Test
    void stages_must_start_with_direct_and_not_repeat() {
        assertEquals(List.of(Stage.DIRECT, Stage.WHICH, Stage.WHEN), Stage.parseList("direct, which,when"));
        assertEquals(List.of(Stage.DIRECT), Stage.parseList("direct"));
        assertThrows(IllegalArgumentException.class, () -> Stage.parseList("which,when"));
        assertThrows(IllegalArgumentException.class, () -> Stage.parseList("direct,which,which"));
        assertThrows(IllegalArgumentException.class, () -> Stage.parseList("direct,sometimes"));
        assertThrows(IllegalArgumentException.class, () -> StackedModelJson.merge(List.of(), new float[0]));
    }

    @Test
    void which_labels_every_row_of_a_septic_stay_and_when_trains_on_septic_stays_only() {
        float[] y = {0, 0, 1, 0, 0};
        int[] stay = {0, 0, 0, 1, 1};
        boolean[] sep = {true, false};
        assertEquals(List.of(1f, 1f, 1f, 0f, 0f), boxed(Stage.WHICH.labels(y, stay, sep)));
        assertEquals(List.of(0f, 0f, 1f, 0f, 0f), boxed(Stage.WHEN.labels(y, stay, sep)));
        assertEquals(List.of(0f, 0f, 1f, 0f, 0f), boxed(Stage.DIRECT.labels(y, stay, sep)));
        assertTrue(Stage.WHEN.trainsOn(true) && !Stage.WHEN.trainsOn(false));
        assertTrue(Stage.WHICH.trainsOn(false) && Stage.DIRECT.trainsOn(false));
        assertEquals(50, Stage.WHEN.rounds(200));
        assertEquals(200, Stage.DIRECT.rounds(200));
    }

    private static List<Float> boxed(float[] a) {
        List<Float> out = new ArrayList<>();
        for (float f : a) {
            out.add(f);
        }
        return out;
    }
}
