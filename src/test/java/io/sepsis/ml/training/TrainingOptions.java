package io.sepsis.ml.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Command-line options of the training run, with the defaults that produced the shipped model.
 * {@code --oof-tree-limits 250,300} also writes the out-of-fold predictions of the first 250 and 300 trees of each
 * fold model ({@code oof-history-t250.bin}, ...), to measure what a smaller (faster) ensemble would cost in utility:
 * boosting is sequential, so the first N trees are exactly the model {@code --rounds N} would train.
 * {@code --mask-features REGEX} blanks the features whose names match, for an ablation on the same folds.
 * {@code --stages direct} trains the single direct model instead of the shipped three-stage one ({@link Stage}).
 */
record TrainingOptions(Path data, Path out, Path work, int folds, int rounds, int maxDepth, double eta,
                       int maxStays, int threads, long seed, int snapshotEvery, TrainingTarget target, boolean shift,
                       int[] oofTreeLimits, int[] partialHistory, Map<String, String> xgbOverrides,
                       Pattern maskFeatures, List<Stage> stages) {

    static TrainingOptions parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        boolean shift = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-shift")) {
                shift = false;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                a.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return new TrainingOptions(
                Path.of(a.getOrDefault("data", "../shared/data/physionet2019/training_setA.tar.gz")),
                Path.of(a.getOrDefault("out", "src/main/resources/model")),
                Path.of(a.getOrDefault("work", "target/training")),
                Integer.parseInt(a.getOrDefault("folds", "5")),
                Integer.parseInt(a.getOrDefault("rounds", "200")),
                Integer.parseInt(a.getOrDefault("max-depth", "6")),
                Double.parseDouble(a.getOrDefault("eta", "0.05")),
                Integer.parseInt(a.getOrDefault("max-stays", "0")),
                Integer.parseInt(a.getOrDefault("threads", "2")),
                Long.parseLong(a.getOrDefault("seed", "42")),
                Integer.parseInt(a.getOrDefault("snapshot-every", "3")),
                TrainingTarget.parse(a.getOrDefault("target", "physionet")),
                shift,
                ints(a.getOrDefault("oof-tree-limits", "")),
                ints(a.getOrDefault("partial-history", "")),
                overrides(a.getOrDefault("xgb", "")),
                a.containsKey("mask-features") ? Pattern.compile(a.get("mask-features")) : null,
                Stage.parseList(a.getOrDefault("stages", "direct,which,when")));
    }

    /**
     * {@code --xgb "min_child_weight=50,colsample_bytree=0.5"}: XGBoost parameters that replace the shipped defaults
     * of {@link TrainModel#params} (recorded in {@code params.json}, so a run says what it trained with).
     */
    static Map<String, String> overrides(String csv) {
        Map<String, String> out = new TreeMap<>();
        for (String kv : csv.split(",")) {
            if (kv.isBlank()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String key = eq < 0 ? "" : kv.substring(0, eq).trim();
            String value = eq < 0 ? "" : kv.substring(eq + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException("--xgb expects key=value pairs, got " + kv);
            }
            out.put(key, value);
        }
        return out;
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).filter(x -> !x.isBlank()).mapToInt(Integer::parseInt).toArray();
    }

    static void writeParams(Path file, TrainingOptions o, Map<String, Object> params, int stays) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", o.data().getFileName().toString());
        m.put("stays", stays);
        m.put("folds", o.folds());
        m.put("rounds", o.rounds());
        m.put("seed", o.seed());
        m.put("snapshot_every", o.snapshotEvery());
        m.put("target", o.target().name().toLowerCase(java.util.Locale.ROOT));
        if (o.maskFeatures() != null) {
            m.put("masked_features", o.maskFeatures().pattern());
        }
        m.put("xgboost_params", new TreeMap<>(params));
        if (o.stages().size() > 1) {
            Map<String, Object> stages = new LinkedHashMap<>();
            for (Stage st : o.stages()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("weight", Stage.weight(o.stages().size()));
                one.put("rounds", st.rounds(o.rounds()));
                Map<String, Object> own = new TreeMap<>(TrainModel.params(o, st));
                own.entrySet().removeIf(e -> e.getValue().equals(params.get(e.getKey())));
                one.put("xgboost_params_changed", own);
                stages.put(st.name().toLowerCase(java.util.Locale.ROOT), one);
            }
            m.put("stages", stages);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    }
}
