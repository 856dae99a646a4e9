package io.sepsis.ml.training;

import io.sepsis.clinical.Field;
import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.model.TreeEnsemble;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Trains the sepsis model with xgboost4j (training scope only: the service evaluates the trees in pure Java).
 *
 * <p>Steps: load set A; build the history view and the snapshot view of every hour with the service's feature code;
 * K-fold cross-validation by patient (stratified by septic / non-septic, never one stay in two folds; xgboost4j's
 * own CV splits rows, so the folds are cut here); out-of-fold predictions for both views; a shift check trained on
 * one ICU type and tested on the other; finally the model on all stays. Every model here is the run's
 * {@link Stage}s ({@code direct,which,when} by default) trained on the same stays and merged into one tree ensemble.
 * Metrics and the alert threshold are computed from the saved predictions by {@link EvaluateTraining}, so they can be
 * recomputed without retraining.
 *
 * <p>Usage: {@code scripts/train-model} (see README). Options: {@code --data PATH --out DIR --work DIR --folds K
 * --rounds N --max-stays N --threads N --seed S --target physionet|utility --no-shift
 * --xgb key=value,... --mask-features REGEX --stages direct[,which[,when]]}.
 */
public final class TrainModel {

    public static void main(String[] args) throws Exception {
        TrainingOptions o = TrainingOptions.parse(args);
        long t0 = System.nanoTime();
        List<Stay> loaded = PhysioNetArchive.load(o.data());
        List<Stay> stays = o.maxStays() > 0 && loaded.size() > o.maxStays()
                ? sample(loaded, o.maxStays(), o.seed()) : loaded;
        log("loaded %d stays in %.1f s", stays.size(), secs(t0));
        Files.createDirectories(o.work());
        Files.createDirectories(o.out());

        Dataset history = Dataset.history(stays);
        Dataset snapEval = Dataset.snapshots(stays, 1, 1.0, o.seed() + 1);
        Dataset snapTrain = Dataset.snapshots(stays, o.snapshotEvery(), 0.5, o.seed() + 2);
        log("features: %d history rows, %d snapshot rows (+%d for training), %d columns, %.1f s",
                history.rows(), snapEval.rows(), snapTrain.rows(), history.cols(), secs(t0));
        if (o.maskFeatures() != null) {
            int blanked = history.mask(o.maskFeatures());
            snapEval.mask(o.maskFeatures());
            snapTrain.mask(o.maskFeatures());
            log("ablation: %d columns matching %s blanked", blanked, o.maskFeatures());
        }

        int[] fold = Folds.assign(stays, o.folds(), o.seed());
        Folds.write(o.work().resolve("folds.bin"), stays, fold);

        boolean[] septic = septicStays(stays);
        StageMatrices all = new StageMatrices(o.stages(), history, snapTrain, stays, septic, o.target());
        DMatrix hist = matrix(history);
        DMatrix snap = matrix(snapEval);
        // The same snapshots with ICULOS and HospAdmTime known: what a client gains by sending them. Rows align with
        // the history view's (every hour, no phase), so only the matrix is kept.
        DMatrix snapAdmin = matrix(masked(Dataset.snapshots(stays, 1, 0.0, o.seed() + 3), o));
        float[] oofSnapshotAdmin = new float[history.rows()];
        float[] oofHistory = new float[history.rows()];
        float[] oofSnapshot = new float[snapEval.rows()];
        int[] limits = o.oofTreeLimits();
        float[][] oofHistoryAt = new float[limits.length][history.rows()];
        float[][] oofSnapshotAt = new float[limits.length][snapEval.rows()];
        int[] partialK = o.partialHistory();
        Dataset[] partial = new Dataset[partialK.length];
        DMatrix[] partialM = new DMatrix[partialK.length];
        float[][] oofPartial = new float[partialK.length][];
        for (int j = 0; j < partialK.length; j++) {
            partial[j] = masked(Dataset.partial(stays, partialK[j]), o);
            partialM[j] = matrix(partial[j]);
            oofPartial[j] = new float[partial[j].rows()];
        }
        for (int k = 0; k < o.folds(); k++) {
            final int held = k;
            long tk = System.nanoTime();
            FoldModel b = all.train(s -> fold[s] != held, o);
            int[] heldHistory = history.rowsWhere(s -> fold[s] == held); // also the rows of snapAdmin
            int[] heldSnapshots = snapEval.rowsWhere(s -> fold[s] == held);
            scatter(b, hist, heldHistory, oofHistory);
            scatter(b, snap, heldSnapshots, oofSnapshot);
            scatter(b, snapAdmin, heldHistory, oofSnapshotAdmin);
            for (int j = 0; j < partialK.length; j++) {
                scatter(b, partialM[j], partial[j].rowsWhere(s -> fold[s] == held), oofPartial[j]);
            }
            for (int l = 0; l < limits.length; l++) {
                scatter(b, hist, heldHistory, oofHistoryAt[l], limits[l]);
                scatter(b, snap, heldSnapshots, oofSnapshotAt[l], limits[l]);
            }
            b.dispose();
            log("fold %d/%d trained and scored in %.1f s", k + 1, o.folds(), secs(tk));
        }
        Predictions.write(o.work().resolve("oof-history.bin"), oofHistory, history.y(), history.stay());
        Predictions.write(o.work().resolve("oof-snapshot.bin"), oofSnapshot, snapEval.y(), snapEval.stay());
        Predictions.write(o.work().resolve("oof-snapshot-with-admin.bin"), oofSnapshotAdmin, history.y(),
                history.stay());
        snapAdmin.dispose();
        for (int j = 0; j < partialK.length; j++) {
            Predictions.write(o.work().resolve("oof-partial-" + partialK[j] + "h.bin"), oofPartial[j], partial[j].y(),
                    partial[j].stay());
            partialM[j].dispose();
        }
        for (int l = 0; l < limits.length; l++) {
            Predictions.write(o.work().resolve("oof-history-t" + limits[l] + ".bin"), oofHistoryAt[l], history.y(),
                    history.stay());
            Predictions.write(o.work().resolve("oof-snapshot-t" + limits[l] + ".bin"), oofSnapshotAt[l],
                    snapEval.y(), snapEval.stay());
        }

        if (o.shift()) {
            // Train on MICU (Unit1) stays, test on SICU (Unit2) stays: a hospital-shift proxy inside set A.
            IntPredicate unit1 = s -> unit(stays.get(s), Field.Unit1);
            IntPredicate unit2 = s -> unit(stays.get(s), Field.Unit2);
            long ts = System.nanoTime();
            FoldModel b = all.train(unit1, o);
            int[] testRows = history.rowsWhere(unit2);
            float[] shift = new float[history.rows()];
            scatter(b, hist, testRows, shift);
            b.dispose();
            Predictions.write(o.work().resolve("shift-unit1-to-unit2.bin"), gather(shift, testRows),
                    gather(history.y(), testRows), gatherInt(history.stay(), testRows));
            // Out-of-fold predictions inside Unit1 (same folds, Unit1 stays only): where a site that has only its
            // own data would choose its alert threshold before applying the model elsewhere.
            float[] unit1Oof = new float[history.rows()];
            for (int k = 0; k < o.folds(); k++) {
                final int held = k;
                FoldModel bk = all.train(s -> unit1.test(s) && fold[s] != held, o);
                scatter(bk, hist, history.rowsWhere(s -> unit1.test(s) && fold[s] == held), unit1Oof);
                bk.dispose();
            }
            int[] unit1Rows = history.rowsWhere(unit1);
            Predictions.write(o.work().resolve("shift-unit1-oof.bin"), gather(unit1Oof, unit1Rows),
                    gather(history.y(), unit1Rows), gatherInt(history.stay(), unit1Rows));
            log("shift check (Unit1 -> Unit2, %d test rows) in %.1f s", testRows.length, secs(ts));
        }

        long tf = System.nanoTime();
        FoldModel finalModel = all.train(s -> true, o);
        Path model = o.out().resolve("sepsis-xgb.json");
        Files.write(model, finalModel.json());
        finalModel.dispose();
        all.dispose();
        log("final model on %d stays in %.1f s -> %s", stays.size(), secs(tf), model);
        TrainingOptions.writeParams(o.work().resolve("params.json"), o, params(o), stays.size());
        log("total %.1f s", secs(t0));
    }

    static Map<String, Object> params(TrainingOptions o) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
        p.put("tree_method", "hist");
        p.put("max_depth", o.maxDepth());
        p.put("eta", o.eta());
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.7);
        p.put("min_child_weight", 5);
        p.put("lambda", 1.0);
        p.put("max_bin", 256);
        p.put("nthread", o.threads());
        p.put("seed", (int) o.seed());
        p.put("verbosity", 1);
        for (Map.Entry<String, String> e : o.xgbOverrides().entrySet()) {
            p.put(e.getKey(), number(e.getValue()));
        }
        return p;
    }

    /** {@code d} with the ablation's features blanked, if the run names any ({@code --mask-features}). */
    private static Dataset masked(Dataset d, TrainingOptions o) {
        if (o.maskFeatures() != null) {
            d.mask(o.maskFeatures());
        }
        return d;
    }

    /** An override's value as XGBoost's own type: integer, real, or the text itself (e.g. a tree method). */
    private static Object number(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException notInt) {
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException notReal) {
                return v;
            }
        }
    }

    /** The parameters of one stage: the run's, then the stage's own ({@link Stage#tune}). */
    static Map<String, Object> params(TrainingOptions o, Stage stage) {
        Map<String, Object> p = params(o);
        stage.tune(p);
        return p;
    }

    /**
     * The training rows of every stage: history rows then snapshot-training rows in one matrix, labelled and weighted
     * for the training target, so a fold is one slice. DIRECT trains on it as it is, WHEN on its septic stays' rows;
     * WHICH relabels its slice with whether the row's stay ever becomes septic (weight 1).
     */
    private static final class StageMatrices {
        private final List<Stage> stages;
        private final Dataset history;
        private final Dataset snapshots;
        private final boolean[] septic;
        private final DMatrix rows;
        private final boolean weighted;
        private final float[] whichLabels; // by row of {@code rows}

        StageMatrices(List<Stage> stages, Dataset history, Dataset snapshots, List<Stay> stays, boolean[] septic,
                      TrainingTarget target) throws XGBoostError {
            this.stages = stages;
            this.history = history;
            this.snapshots = snapshots;
            this.septic = septic;
            this.weighted = target != TrainingTarget.PHYSIONET;
            this.rows = combined(history, snapshots,
                    concat(target.labels(history, stays), target.labels(snapshots, stays)),
                    weighted ? concat(target.weights(history, stays), target.weights(snapshots, stays)) : null);
            this.whichLabels = concat(Stage.WHICH.labels(history.y(), history.stay(), septic),
                    Stage.WHICH.labels(snapshots.y(), snapshots.stay(), septic));
        }

        /** Every stage trained on the rows of the stays that pass {@code keepStay}. */
        FoldModel train(IntPredicate keepStay, TrainingOptions o) throws XGBoostError {
            Booster[] boosters = new Booster[stages.size()];
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                boosters[i] = trainOn(combinedRows(history, snapshots, s -> keepStay.test(s)
                        && stage.trainsOn(septic[s])), o, stage);
            }
            return new FoldModel(stages, boosters);
        }

        /**
         * Trains one stage on some rows. The slice is a native copy (0.5-0.7 GB for a fold of set A) that the JVM's
         * garbage collector does not see, so it is freed here: left to linger, the eleven slices of a full run took
         * the process to 21 GB of the machine's 24.
         */
        private Booster trainOn(int[] picked, TrainingOptions o, Stage stage) throws XGBoostError {
            DMatrix slice = rows.slice(picked);
            try {
                if (stage == Stage.WHICH) {
                    slice.setLabel(gather(whichLabels, picked));
                    if (weighted) {
                        float[] one = new float[picked.length];
                        java.util.Arrays.fill(one, 1f);
                        slice.setWeight(one);
                    }
                }
                return XGBoost.train(slice, params(o, stage), stage.rounds(o.rounds()), new HashMap<>(), null, null);
            } finally {
                slice.dispose();
            }
        }

        void dispose() {
            rows.dispose();
        }
    }

    /**
     * The stages of one model together: with one stage, that booster's own probability (the single-model runs
     * reproduce byte for byte); with several, the logistic of the weighted sum of their margins, which is what the
     * merged model ({@link StackedModelJson}) computes.
     */
    private record FoldModel(List<Stage> stages, Booster[] boosters) {
        /** @param directTrees predict as a model trained for that many rounds would (0: all) */
        float[][] predict(DMatrix m, int directTrees) throws XGBoostError {
            if (boosters.length == 1) {
                return boosters[0].predict(m, false, directTrees);
            }
            double[] margin = null;
            float w = Stage.weight(boosters.length);
            for (int i = 0; i < boosters.length; i++) {
                float[][] part = boosters[i].predict(m, true, directTrees == 0 ? 0 : stages.get(i).rounds(directTrees));
                if (margin == null) {
                    margin = new double[part.length];
                }
                for (int r = 0; r < part.length; r++) {
                    margin[r] += w * part[r][0];
                }
            }
            float[][] p = new float[margin.length][1];
            for (int r = 0; r < margin.length; r++) {
                p[r][0] = (float) TreeEnsemble.sigmoid(margin[r]);
            }
            return p;
        }

        byte[] json() throws XGBoostError, java.io.IOException {
            List<byte[]> models = new ArrayList<>();
            for (Booster b : boosters) {
                models.add(b.toByteArray("json"));
            }
            if (models.size() == 1) {
                return models.get(0);
            }
            float[] weights = new float[models.size()];
            java.util.Arrays.fill(weights, Stage.weight(models.size()));
            return StackedModelJson.merge(models, weights);
        }

        void dispose() {
            for (Booster b : boosters) {
                b.dispose();
            }
        }
    }

    private static boolean[] septicStays(List<Stay> stays) {
        boolean[] out = new boolean[stays.size()];
        for (int s = 0; s < stays.size(); s++) {
            out[s] = stays.get(s).septic();
        }
        return out;
    }

    private static DMatrix matrix(Dataset d) throws XGBoostError {
        DMatrix m = new DMatrix(d.x(), d.rows(), d.cols(), Float.NaN);
        m.setLabel(d.y());
        return m;
    }

    /** History rows then snapshot-training rows in one matrix, so a fold is one slice (slices keep labels, weights). */
    private static DMatrix combined(Dataset h, Dataset s, float[] labels, float[] weights) throws XGBoostError {
        float[] x = new float[h.x().length + s.x().length];
        System.arraycopy(h.x(), 0, x, 0, h.x().length);
        System.arraycopy(s.x(), 0, x, h.x().length, s.x().length);
        DMatrix m = new DMatrix(x, h.rows() + s.rows(), h.cols(), Float.NaN);
        m.setLabel(labels);
        if (weights != null) {
            m.setWeight(weights);
        }
        return m;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] combinedRows(Dataset h, Dataset s, IntPredicate keepStay) {
        int[] a = h.rowsWhere(keepStay);
        int[] b = s.rowsWhere(keepStay);
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < b.length; i++) {
            out[a.length + i] = h.rows() + b[i];
        }
        return out;
    }

    private static void scatter(FoldModel b, DMatrix m, int[] rows, float[] into) throws XGBoostError {
        scatter(b, m, rows, into, 0);
    }

    /** @param treeLimit predict as a run with {@code --rounds treeLimit} would (first trees of each stage; 0: all) */
    private static void scatter(FoldModel b, DMatrix m, int[] rows, float[] into, int treeLimit) throws XGBoostError {
        if (rows.length == 0) {
            return;
        }
        DMatrix part = m.slice(rows);
        float[][] p = b.predict(part, treeLimit);
        for (int i = 0; i < rows.length; i++) {
            into[rows[i]] = p[i][0];
        }
        part.dispose();
    }

    private static float[] gather(float[] a, int[] idx) {
        float[] out = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    private static int[] gatherInt(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    private static boolean unit(Stay s, Field f) {
        return s.rows().length > 0 && s.rows()[0][f.ordinal()] == 1.0;
    }

    private static List<Stay> sample(List<Stay> stays, int n, long seed) {
        List<Stay> copy = new ArrayList<>(stays);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Stay t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        List<Stay> out = new ArrayList<>(copy.subList(0, n));
        out.sort(java.util.Comparator.comparing(Stay::id));
        return out;
    }

    static void log(String fmt, Object... args) {
        System.out.printf("[train] " + fmt + "%n", args);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private TrainModel() {
    }
}
