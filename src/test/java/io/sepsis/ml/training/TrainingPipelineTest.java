package io.sepsis.ml.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sepsis.ml.model.ModelManifest;
import io.sepsis.ml.model.SepsisModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training command end to end on a small real sample (CI-sized): artifacts are written, load in the service,
 * carry honest cross-validated metrics, and the same seed reproduces the same model byte for byte.
 */
class TrainingPipelineTest {
    @TempDir
    Path dir;

    private Path run(String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        String[] base = {"--max-stays", "500", "--rounds", "20", "--folds", "3", "--threads", "2",
                "--work", out.resolve("work").toString(), "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        TrainModel.main(args);
        EvaluateTraining.main(args);
        return out;
    }

    @Test
    void trains_evaluates_and_writes_artifacts_the_service_loads_reproducibly() throws Exception {
        Path a = run("a");
        byte[] model = Files.readAllBytes(a.resolve("sepsis-xgb.json"));
        SepsisModel loaded = SepsisModel.load(model, Files.readAllBytes(a.resolve("model-manifest.json")));
        assertEquals(20 + 5 + 5, loaded.trees().numTrees(), "direct, which and when stages in one ensemble");

        JsonNode m = new ObjectMapper().readTree(a.resolve("training-metrics.json").toFile());
        assertEquals(3, m.path("history").path("folds").size());
        JsonNode when = m.path("training").path("stages").path("when");
        assertEquals(5, when.path("rounds").asInt(), m.path("training").toString());
        assertEquals(0.1, when.path("xgboost_params_changed").path("eta").asDouble(), 1e-12, when.toString());
        assertEquals(4, when.path("xgboost_params_changed").path("max_depth").asInt(), when.toString());
        double auroc = m.path("history").path("auroc").path("mean").asDouble();
        assertTrue(auroc > 0.6 && auroc < 1.0, "cross-validated AUROC on 500 stays: " + auroc);
        assertTrue(m.path("snapshot").path("pooled_oof").path("brier").asDouble() > 0, "snapshot view evaluated");
        double withAdmin = m.path("snapshot_with_iculos_and_hospadmtime").path("auroc").path("mean").asDouble();
        assertTrue(withAdmin > 0.5 && withAdmin < 1, "snapshots with ICULOS and HospAdmTime evaluated: " + withAdmin);
        assertTrue(withAdmin != m.path("snapshot").path("auroc").path("mean").asDouble(), "a different view");
        JsonNode shift = m.path("shift_unit1_to_unit2");
        assertTrue(shift.path("test_stays").asInt() > 0, "shift check ran on Unit2 stays");
        assertTrue(shift.path("auroc").asDouble() > 0 && shift.path("auroc").asDouble() < 1, shift.toString());
        double source = shift.path("source_threshold").asDouble(-1);
        assertTrue(source > 0 && source < 1, "threshold chosen inside Unit1: " + shift);
        assertTrue(shift.has("utility_at_source_threshold"), shift.toString());
        assertTrue(shift.has("utility_at_source_threshold_with_site_prevalence"), shift.toString());
        assertTrue(loaded.manifest().trainingPrevalence().septicStayRate() > 0, "manifest records the training prevalence");
        JsonNode which = m.path("anatomy_history").path("auroc");
        assertTrue(which.path("labelled_vs_non_septic_stays").asDouble() > 0.5, which.toString());
        assertTrue(which.path("septic_stays_with_earlier_hours").asInt() > 0, which.toString());
        JsonNode bands = which.path("when_by_hours_before_first_label");
        assertEquals(6, bands.size(), which.toString());
        long banded = 0;
        for (JsonNode band : bands) {
            banded += band.path("hours").asLong();
        }
        assertEquals(which.path("hours").path("unlabelled_in_septic_stays").asLong(), banded,
                "every earlier hour of a septic stay falls in one band");
        JsonNode u = m.path("anatomy_history").path("utility_at_alert_threshold");
        assertEquals(u.path("normalized_utility").asDouble(), u.path("alarms_in_non_septic_stays").asDouble()
                + u.path("alarms_over_12h_before_onset").asDouble() + u.path("alarms_12_to_6h_before_onset").asDouble()
                + u.path("alarms_6h_before_to_3h_after_onset").asDouble(), 1e-9, u.toString());
        double threshold = m.path("recommended_alert_threshold").asDouble();
        assertTrue(threshold > 0 && threshold < 1);
        assertEquals(threshold, loaded.manifest().trainedThreshold());

        Path b = run("b");
        assertEquals(ModelManifest.sha256(model), ModelManifest.sha256(Files.readAllBytes(b.resolve("sepsis-xgb.json"))),
                "same data, options and seed must give the same model");
    }

    @Test
    void tree_budget_scores_the_first_n_trees_exactly_like_the_headline() throws Exception {
        Path out = run("budget", "--no-shift", "--oof-tree-limits", "5,20", "--partial-history", "3");
        JsonNode m = new ObjectMapper().readTree(out.resolve("training-metrics.json").toFile());
        double partial = m.path("partial_history_3h").path("auroc").path("mean").asDouble();
        assertTrue(partial > 0.5 && partial < 1, "the 3-hour partial-history view is scored: " + partial);
        JsonNode all = m.path("tree_budget").path("trees_20");
        JsonNode few = m.path("tree_budget").path("trees_5");
        // 20 = every tree: the same predictions, so the same numbers as the headline
        assertEquals(m.path("history").path("utility").path("mean").asDouble(),
                all.path("history_utility").path("mean").asDouble(), 1e-12);
        assertEquals(m.path("history").path("auroc").path("mean").asDouble(),
                all.path("history_auroc").path("mean").asDouble(), 1e-12);
        assertEquals(m.path("snapshot").path("utility").path("mean").asDouble(),
                all.path("snapshot_utility").path("mean").asDouble(), 1e-12);
        assertTrue(few.path("history_auroc").path("mean").asDouble() > 0.5, few.toString());
        assertTrue(few.path("history_brier").asDouble() != all.path("history_brier").asDouble(),
                "5 trees predict differently from 20");
    }

    @Test
    void a_single_direct_stage_trains_one_booster_and_records_no_stages() throws Exception {
        Path single = run("single", "--no-shift", "--stages", "direct");
        SepsisModel loaded = SepsisModel.load(Files.readAllBytes(single.resolve("sepsis-xgb.json")),
                Files.readAllBytes(single.resolve("model-manifest.json")));
        assertEquals(20, loaded.trees().numTrees());
        JsonNode training = new ObjectMapper().readTree(single.resolve("training-metrics.json").toFile())
                .path("training");
        assertTrue(training.path("stages").isMissingNode(), training.toString());
    }

    @Test
    void the_utility_target_reaches_the_trees_and_is_recorded() throws Exception {
        Path standard = run("standard", "--no-shift");
        Path utility = run("utility", "--no-shift", "--target", "utility");
        JsonNode params = new ObjectMapper().readTree(utility.resolve("training-metrics.json").toFile()).path("training");
        assertEquals("utility", params.path("target").asText());
        assertTrue(!ModelManifest.sha256(Files.readAllBytes(standard.resolve("sepsis-xgb.json")))
                        .equals(ModelManifest.sha256(Files.readAllBytes(utility.resolve("sepsis-xgb.json")))),
                "re-weighted and re-labelled rows must give other trees");
    }
}
