package io.sepsis.ml.model;

import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.training.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pure-Java evaluator against xgboost4j, the reference: the shipped model on at least 10,000 real set-A rows
 * (history view, the service's own features), plus a freshly trained small model for attribution checks.
 */
class TreeEnsembleEquivalenceTest {
    static final Path DATA = Path.of("../shared/data/physionet2019/training_setA.tar.gz");
    static Dataset rows;

    @BeforeAll
    static void loadRows() throws Exception {
        // ~400 stays give > 10,000 hourly rows; ids ending in 7 spread over the whole set.
        List<Stay> stays = PhysioNetArchive.load(DATA, id -> id.endsWith("7"));
        rows = Dataset.history(stays.subList(0, Math.min(400, stays.size())));
        assertTrue(rows.rows() >= 10_000, "need at least 10,000 real rows, got " + rows.rows());
    }

    @Test
    void shipped_model_matches_xgboost4j_within_1e6_on_10000_real_rows() throws Exception {
        TreeEnsemble ours;
        try (InputStream in = TreeEnsemble.class.getResourceAsStream("/model/sepsis-xgb.json")) {
            ours = TreeEnsemble.fromJson(in);
        }
        Booster ref = XGBoost.loadModel(TreeEnsemble.class.getResourceAsStream("/model/sepsis-xgb.json"));
        float[][] expected = ref.predict(new DMatrix(rows.x(), rows.rows(), rows.cols(), Float.NaN));
        double maxDiff = maxDiff(ours, expected);
        assertTrue(maxDiff < 1e-6, "max |p_java - p_xgboost4j| = " + maxDiff);
    }

    @Test
    void path_and_shap_contributions_sum_to_the_margin_and_shap_matches_xgboost4j() throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 4);
        params.put("eta", 0.3);
        params.put("nthread", 1);
        params.put("seed", 1);
        DMatrix train = new DMatrix(rows.x(), rows.rows(), rows.cols(), Float.NaN);
        train.setLabel(rows.y());
        Booster b = XGBoost.train(train, params, 30, new HashMap<>(), null, null);
        Path tmp = Files.createTempFile("xgb", ".json");
        b.saveModel(tmp.toString());
        TreeEnsemble ours;
        try (InputStream in = Files.newInputStream(tmp)) {
            ours = TreeEnsemble.fromJson(in);
        }
        int n = 500;
        float[] sub = new float[n * rows.cols()];
        System.arraycopy(rows.x(), 0, sub, 0, sub.length);
        DMatrix m = new DMatrix(sub, n, rows.cols(), Float.NaN);
        float[][] refShap = b.predictContrib(m, 0);
        double[] path = new double[rows.cols() + 1];
        double[] shap = new double[rows.cols() + 1];
        float[] x = new float[rows.cols()];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows.x(), r * rows.cols(), x, 0, rows.cols());
            double margin = ours.margin(x);
            assertEquals(margin, ours.pathContributions(x, path), 0.0, "the attribution walk returns the exact margin");
            assertEquals(margin, java.util.Arrays.stream(path).sum(), 1e-4, "path contributions sum, row " + r);
            assertEquals(margin, ours.shapContributions(x, shap), 1e-4, "SHAP contributions sum, row " + r);
            for (int f = 0; f <= rows.cols(); f++) {
                assertEquals(refShap[r][f], shap[f], 1e-4, "SHAP of feature " + f + " row " + r);
            }
        }
        Files.deleteIfExists(tmp);
    }

    @Test
    void path_attribution_matches_an_independent_walk_of_the_model_json_feature_by_feature() throws Exception {
        com.fasterxml.jackson.databind.JsonNode trees = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TreeEnsemble.class.getResourceAsStream("/model/sepsis-xgb.json"))
                .path("learner").path("gradient_booster").path("model").path("trees");
        TreeEnsemble ours;
        try (InputStream in = TreeEnsemble.class.getResourceAsStream("/model/sepsis-xgb.json")) {
            ours = TreeEnsemble.fromJson(in);
        }
        double[] got = new double[rows.cols() + 1];
        float[] x = new float[rows.cols()];
        for (int r = 0; r < 300; r++) {
            System.arraycopy(rows.x(), (r * 37 % rows.rows()) * rows.cols(), x, 0, rows.cols());
            ours.pathContributions(x, got);
            double[] want = new double[rows.cols()];
            for (com.fasterxml.jackson.databind.JsonNode t : trees) {
                saabas(t, x, want);
            }
            for (int f = 0; f < rows.cols(); f++) {
                assertEquals(want[f], got[f], 1e-9, "feature " + f + " row " + r);
            }
        }
    }

    /** Reference per-path attribution, written straight from the JSON arrays (recursion, no packing). */
    private static void saabas(com.fasterxml.jackson.databind.JsonNode t, float[] x, double[] out) {
        int n = 0;
        while (t.path("left_children").get(n).asInt() != -1) {
            int f = t.path("split_indices").get(n).asInt();
            float v = x[f];
            int next = Float.isNaN(v) ? (t.path("default_left").get(n).asInt() != 0 ? t.path("left_children").get(n).asInt()
                    : t.path("right_children").get(n).asInt())
                    : v < (float) t.path("split_conditions").get(n).asDouble() ? t.path("left_children").get(n).asInt()
                    : t.path("right_children").get(n).asInt();
            out[f] += mean(t, next) - mean(t, n);
            n = next;
        }
    }

    private static double mean(com.fasterxml.jackson.databind.JsonNode t, int n) {
        int l = t.path("left_children").get(n).asInt();
        if (l == -1) {
            return (float) t.path("split_conditions").get(n).asDouble();
        }
        int r = t.path("right_children").get(n).asInt();
        double cl = t.path("sum_hessian").get(l).asDouble();
        double cr = t.path("sum_hessian").get(r).asDouble();
        return (mean(t, l) * cl + mean(t, r) * cr) / (cl + cr);
    }

    private static double maxDiff(TreeEnsemble ours, float[][] expected) {
        float[] x = new float[rows.cols()];
        double maxDiff = 0;
        for (int r = 0; r < rows.rows(); r++) {
            System.arraycopy(rows.x(), r * rows.cols(), x, 0, rows.cols());
            maxDiff = Math.max(maxDiff, Math.abs(ours.probability(x) - expected[r][0]));
        }
        return maxDiff;
    }
}
