package io.sepsis.ml.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sepsis.ml.eval.Calibration;
import io.sepsis.ml.eval.ConfusionCounts;
import io.sepsis.ml.eval.ErrorAnatomy;
import io.sepsis.ml.eval.Pooling;
import io.sepsis.ml.eval.RankingMetrics;
import io.sepsis.ml.eval.UtilityScore;
import io.sepsis.ml.features.FeatureSchema;
import io.sepsis.ml.model.IsotonicCalibration;
import io.sepsis.ml.model.ModelManifest;
import io.sepsis.ml.model.PriorShift;
import io.sepsis.ml.model.TrainingPrevalence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the predictions saved by {@link TrainModel} into the model's recorded metrics and alert threshold:
 * {@code training-metrics.json} and {@code model-manifest.json} beside the model. The headline is honest
 * cross-validation: each fold's utility uses a threshold chosen on the other folds only.
 *
 * <p>Usage: {@code EvaluateTraining} with the same options as {@link TrainModel} ({@code --work}, {@code --out}).
 */
public final class EvaluateTraining {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws Exception {
        TrainingOptions o = TrainingOptions.parse(args); // same options as TrainModel, so one command line serves both
        Path work = o.work();
        Path out = o.out();
        int[] fold = Folds.read(work.resolve("folds.bin"));
        int k = 0;
        for (int f : fold) {
            k = Math.max(k, f + 1);
        }
        Predictions historyRaw = Predictions.read(work.resolve("oof-history.bin"));
        Predictions snapshotRaw = Predictions.read(work.resolve("oof-snapshot.bin"));
        // Isotonic calibration on both views together (the service answers both with one model). Reported numbers
        // use a cross-fitted map (fold k calibrated by a map fitted on the other folds); the shipped map uses all.
        IsotonicCalibration shipped = calibrator(historyRaw, snapshotRaw, s -> true);
        Predictions history = crossFitted(historyRaw, historyRaw, snapshotRaw, fold, k);
        Predictions snapshot = crossFitted(snapshotRaw, historyRaw, snapshotRaw, fold, k);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generated_by", "scripts/train-model (TrainModel + EvaluateTraining)");
        m.put("training", JSON.readTree(work.resolve("params.json").toFile()));
        m.put("probabilities", "calibrated: isotonic map fitted on out-of-fold predictions of both views; per-fold "
                + "numbers use a map fitted on the other folds only");
        Map<String, Object> hist = crossValidated(history, fold, k, null);
        Predictions shippedHistory = apply(shipped, historyRaw); // the shipped map on every out-of-fold hour
        double threshold = UtilityScore.bestThreshold(shippedHistory.probabilitiesByStay(),
                historyRaw.labelsByStay()).threshold();
        m.put("history", hist);
        m.put("snapshot", crossValidated(snapshot, fold, k, threshold));
        Path withAdmin = work.resolve("oof-snapshot-with-admin.bin");
        if (Files.exists(withAdmin)) {
            // One observation with ICULOS and HospAdmTime known: what a client without history gains by sending them.
            m.put("snapshot_with_iculos_and_hospadmtime", crossValidated(crossFitted(Predictions.read(withAdmin),
                    historyRaw, snapshotRaw, fold, k), fold, k, threshold));
        }
        Map<String, Object> raw = new LinkedHashMap<>(); // ordered, so that a re-run writes the same file
        raw.put("history", calibrationOf(historyRaw));
        raw.put("snapshot", calibrationOf(snapshotRaw));
        m.put("raw_model_calibration", raw);
        m.put("operating_points_history", operatingPoints(shippedHistory, threshold));
        m.put("anatomy_history", anatomy(history, shippedHistory, threshold));
        m.put("prevalence_sensitivity_history", prevalenceSensitivity(shippedHistory,
                new double[]{threshold, 0.032, 0.035, 0.042}, new double[]{0.5, 0.7, 1.0, 1.4, 2.0}));
        Path shiftFile = work.resolve("shift-unit1-to-unit2.bin");
        if (Files.exists(shiftFile)) {
            // On the raw scale: the shift model is not the CV models the calibration was fitted to.
            double rawThreshold = UtilityScore.bestThreshold(historyRaw.probabilitiesByStay(),
                    historyRaw.labelsByStay()).threshold();
            Path sourceOof = work.resolve("shift-unit1-oof.bin");
            Predictions unit1 = Files.exists(sourceOof) ? Predictions.read(sourceOof) : null;
            Double sourceThreshold = unit1 == null ? null
                    : UtilityScore.bestThreshold(unit1.probabilitiesByStay(), unit1.labelsByStay()).threshold();
            m.put("shift_unit1_to_unit2", shift(Predictions.read(shiftFile), historyRaw, rawThreshold, sourceThreshold,
                    unit1 == null ? null : TrainingPrevalence.of(unit1.labelsByStay())));
        }
        m.put("recommended_alert_threshold", threshold);
        for (int h : o.partialHistory()) {
            // A client that sends only the last h hours: scored by the same fold models as the headline.
            Path f = work.resolve("oof-partial-" + h + "h.bin");
            Predictions raw1 = Predictions.read(f);
            m.put("partial_history_" + h + "h", crossValidated(crossFitted(raw1, historyRaw, snapshotRaw, fold, k), fold,
                    k, threshold));
        }
        if (o.oofTreeLimits().length > 0) {
            m.put("tree_budget", treeBudget(work, o.oofTreeLimits(), fold, k));
        }
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("training-metrics.json").toFile(), m);

        Path model = out.resolve("sepsis-xgb.json");
        ModelManifest manifest = new ModelManifest(
                "sepsis-xgb-" + ModelManifest.sha256(Files.readAllBytes(model)).substring(0, 12),
                ModelManifest.sha256(Files.readAllBytes(model)), FeatureSchema.VERSION, FeatureSchema.names(),
                threshold, Instant.now().toString().substring(0, 10), "PhysioNet 2019 training set A", shipped,
                TrainingPrevalence.of(historyRaw.labelsByStay()));
        JSON.writeValue(out.resolve("model-manifest.json").toFile(), manifest);
        System.out.println(JSON.writeValueAsString(summary(m)));
    }

    /** Per-fold metrics with the threshold chosen on the other folds (or {@code fixedThreshold}), plus pooled OOF. */
    /**
     * What a smaller ensemble (the first N trees of each fold model, {@code --oof-tree-limits}) would have scored,
     * evaluated exactly like the shipped one: calibrated cross-fitted, threshold chosen on the other folds.
     */
    static Map<String, Object> treeBudget(Path work, int[] limits, int[] fold, int k) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int n : limits) {
            Predictions h = Predictions.read(work.resolve("oof-history-t" + n + ".bin"));
            Predictions s = Predictions.read(work.resolve("oof-snapshot-t" + n + ".bin"));
            Map<String, Object> hist = crossValidated(crossFitted(h, h, s, fold, k), fold, k, null);
            Map<String, Object> snap = crossValidated(crossFitted(s, h, s, fold, k), fold, k, null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("history_utility", hist.get("utility"));
            row.put("history_auroc", hist.get("auroc"));
            row.put("history_auprc", hist.get("auprc"));
            row.put("history_brier", ((Map<?, ?>) hist.get("pooled_oof")).get("brier"));
            row.put("snapshot_utility", snap.get("utility"));
            row.put("snapshot_auroc", snap.get("auroc"));
            out.put("trees_" + n, row);
        }
        return out;
    }

    static Map<String, Object> crossValidated(Predictions p, int[] fold, int k, Double fixedThreshold) {
        double[][] probs = p.probabilitiesByStay();
        int[][] labels = p.labelsByStay();
        int[] stayOfGroup = stayOfGroup(p);
        List<Map<String, Object>> folds = new ArrayList<>();
        double[] util = new double[k];
        double[] auroc = new double[k];
        double[] auprc = new double[k];
        double[] utilFixed = new double[k];
        for (int f = 0; f < k; f++) {
            List<double[]> inP = new ArrayList<>();
            List<int[]> inL = new ArrayList<>();
            List<double[]> outP = new ArrayList<>();
            List<int[]> outL = new ArrayList<>();
            for (int g = 0; g < probs.length; g++) {
                boolean held = fold[stayOfGroup[g]] == f;
                (held ? inP : outP).add(probs[g]);
                (held ? inL : outL).add(labels[g]);
            }
            double[][] hp = inP.toArray(new double[0][]);
            int[][] hl = inL.toArray(new int[0][]);
            UtilityScore.ThresholdChoice chosen = UtilityScore.bestThreshold(outP.toArray(new double[0][]),
                    outL.toArray(new int[0][]));
            util[f] = UtilityScore.normalizedUtility(hp, hl, chosen.threshold());
            RankingMetrics.Scores s = RankingMetrics.compute(hp, hl);
            auroc[f] = s.auroc();
            auprc[f] = s.auprc();
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("fold", f);
            fm.put("stays", hp.length);
            fm.put("threshold_from_other_folds", chosen.threshold());
            fm.put("utility", util[f]);
            if (fixedThreshold != null) {
                utilFixed[f] = UtilityScore.normalizedUtility(hp, hl, fixedThreshold);
                fm.put("utility_at_history_threshold", utilFixed[f]);
            }
            fm.put("auroc", s.auroc());
            fm.put("auprc", s.auprc());
            folds.add(fm);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("folds", folds);
        r.put("utility", stats(util));
        if (fixedThreshold != null) {
            r.put("utility_at_history_threshold", stats(utilFixed));
        }
        r.put("auroc", stats(auroc));
        r.put("auprc", stats(auprc));
        UtilityScore.ThresholdChoice pooled = UtilityScore.bestThreshold(probs, labels);
        RankingMetrics.Scores ps = RankingMetrics.compute(probs, labels);
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("auroc", ps.auroc());
        po.put("auprc", ps.auprc());
        po.put("best_threshold", pooled.threshold());
        po.put("utility_at_best_threshold_in_sample", pooled.normalizedUtility());
        Map<String, Object> cal = calibrationOf(p);
        po.put("brier", cal.get("brier"));
        po.put("brier_of_base_rate", baseRateBrier(Pooling.flatten(labels)));
        po.put("expected_calibration_error", cal.get("expected_calibration_error"));
        po.put("reliability", cal.get("reliability"));
        r.put("pooled_oof", po);
        return r;
    }

    static final int CALIBRATION_BINS = 1000;

    /** Isotonic map fitted on the rows of both views whose stay passes {@code stays}. */
    static IsotonicCalibration calibrator(Predictions a, Predictions b, java.util.function.IntPredicate stays) {
        int n = 0;
        for (Predictions p : List.of(a, b)) {
            for (int st : p.stay()) {
                n += stays.test(st) ? 1 : 0;
            }
        }
        double[] px = new double[n];
        int[] py = new int[n];
        int i = 0;
        for (Predictions p : List.of(a, b)) {
            for (int r = 0; r < p.p().length; r++) {
                if (stays.test(p.stay()[r])) {
                    px[i] = p.p()[r];
                    py[i++] = (int) p.y()[r];
                }
            }
        }
        return IsotonicCalibration.fit(px, py, CALIBRATION_BINS,
                "isotonic regression (PAV, " + CALIBRATION_BINS + " equal-count bins) on out-of-fold predictions, "
                        + "history and snapshot views");
    }

    /** {@code target} with fold k's rows calibrated by a map fitted on the other folds of both views. */
    static Predictions crossFitted(Predictions target, Predictions a, Predictions b, int[] fold, int k) {
        float[] p = target.p().clone();
        for (int f = 0; f < k; f++) {
            final int held = f;
            IsotonicCalibration c = calibrator(a, b, s -> fold[s] != held);
            for (int r = 0; r < p.length; r++) {
                if (fold[target.stay()[r]] == held) {
                    p[r] = (float) c.apply(target.p()[r]);
                }
            }
        }
        return new Predictions(p, target.y(), target.stay());
    }

    static Predictions apply(IsotonicCalibration c, Predictions raw) {
        float[] p = new float[raw.p().length];
        for (int r = 0; r < p.length; r++) {
            p[r] = (float) c.apply(raw.p()[r]);
        }
        return new Predictions(p, raw.y(), raw.stay());
    }

    static Map<String, Object> calibrationOf(Predictions p) {
        double[] flatP = Pooling.flatten(p.probabilitiesByStay());
        int[] flatL = Pooling.flatten(p.labelsByStay());
        Calibration.ReliabilityTable table = Calibration.reliability(flatP, flatL);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("brier", Calibration.brier(flatP, flatL));
        r.put("expected_calibration_error", table.expectedCalibrationError());
        r.put("reliability", table.bins());
        return r;
    }

    /**
     * Normalized utility at fixed thresholds when only the prevalence differs: septic stays re-weighted to
     * {@code r} times the data's septic-stay rate (non-septic stays to keep the total), for each r. A pure prior
     * shift, the case {@code site_prevalence} corrects exactly; here, for a site that cannot state its rate.
     */
    static Map<String, Object> prevalenceSensitivity(Predictions p, double[] thresholds, double[] ratios) {
        double[][] probs = p.probabilitiesByStay();
        int[][] labels = p.labelsByStay();
        double rate = TrainingPrevalence.of(labels).septicStayRate();
        boolean[] septic = new boolean[probs.length];
        for (int i = 0; i < probs.length; i++) {
            septic[i] = UtilityScore.firstPositiveRow(labels[i]) >= 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (double th : thresholds) {
            double[][] sums = new double[probs.length][];
            for (int i = 0; i < probs.length; i++) {
                UtilityScore.Totals t = UtilityScore.totals(new double[][]{probs[i]}, new int[][]{labels[i]}, th);
                sums[i] = new double[]{t.observed(), t.best(), t.inaction()};
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (double r : ratios) {
                double ws = r;
                double wn = (1 - r * rate) / (1 - rate);
                double obs = 0;
                double best = 0;
                double inaction = 0;
                for (int i = 0; i < sums.length; i++) {
                    double w = septic[i] ? ws : wn;
                    obs += w * sums[i][0];
                    best += w * sums[i][1];
                    inaction += w * sums[i][2];
                }
                row.put("septic_stay_rate_x" + r, (obs - inaction) / (best - inaction));
            }
            out.put("threshold_" + th, row);
        }
        return out;
    }

    /** Bands of hours before a septic stay's first labelled hour: 1-6, 7-12, 13-24, 25-48, 49-96, 97+. */
    static final int[] WHEN_BANDS = {1, 7, 13, 25, 49, 97};

    /**
     * What limits the headline ({@link ErrorAnatomy}): the AUROC of the cross-fitted predictions split into "which
     * patients" and "when" (also by hours before onset), and the utility at the alert threshold split by where the
     * alarms fall.
     */
    static Map<String, Object> anatomy(Predictions crossFitted, Predictions calibrated, double threshold) {
        double[][] probabilities = crossFitted.probabilitiesByStay();
        int[][] labels = crossFitted.labelsByStay();
        ErrorAnatomy.Auroc a = ErrorAnatomy.auroc(probabilities, labels);
        Map<String, Object> auroc = new LinkedHashMap<>();
        auroc.put("all_hours", a.all());
        auroc.put("labelled_vs_non_septic_stays", a.againstNonSepticStays());
        auroc.put("labelled_vs_earlier_hours_of_septic_stays", a.withinSepticStays());
        auroc.put("mean_within_one_septic_stay", a.meanWithinSepticStay());
        auroc.put("septic_stays_with_earlier_hours", a.septicStaysScored());
        auroc.put("hours", ordered("labelled", a.labelledHours(), "unlabelled_in_septic_stays",
                a.unlabelledSepticHours(), "non_septic_stays", a.nonSepticHours()));
        auroc.put("mean_probability", ordered("labelled", a.meanLabelled(), "unlabelled_in_septic_stays",
                a.meanUnlabelledSeptic(), "non_septic_stays", a.meanNonSeptic()));
        List<Map<String, Object>> bands = new ArrayList<>();
        for (ErrorAnatomy.Band b : ErrorAnatomy.whenByHoursBefore(probabilities, labels, WHEN_BANDS)) {
            bands.add(ordered("hours_before_first_label", b.toHours() == Integer.MAX_VALUE ? b.fromHours() + "+"
                    : b.fromHours() + "-" + (b.toHours() - 1), "hours", b.hours(), "mean_probability",
                    b.meanProbability(), "auroc_labelled_vs_these", b.aurocVsLabelled()));
        }
        auroc.put("when_by_hours_before_first_label", bands);
        ErrorAnatomy.Utility u = ErrorAnatomy.utility(calibrated.probabilitiesByStay(), calibrated.labelsByStay(),
                threshold);
        Map<String, Object> utility = new LinkedHashMap<>();
        utility.put("threshold", threshold);
        utility.put("normalized_utility", u.normalized());
        utility.put("alarms_in_non_septic_stays", u.alarmsNonSepticStays());
        utility.put("alarms_over_12h_before_onset", u.alarmsTooEarly());
        utility.put("alarms_12_to_6h_before_onset", u.alarmsEarly());
        utility.put("alarms_6h_before_to_3h_after_onset", u.alarmsLabelled());
        utility.put("gain_left_unalarmed", u.missedGain());
        utility.put("alarmed_hours", u.alarmHours());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auroc", auroc);
        out.put("utility_at_alert_threshold", utility);
        return out;
    }

    /** Key-value pairs in the order given (Map.of's order changes from one JVM to the next, and so would the file). */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    static List<Map<String, Object>> operatingPoints(Predictions p, double alert) {
        double[][] probs = p.probabilitiesByStay();
        int[][] labels = p.labelsByStay();
        double[] flatP = Pooling.flatten(probs);
        int[] flatL = Pooling.flatten(labels);
        List<Map<String, Object>> out = new ArrayList<>();
        for (double t : new double[]{alert / 4, alert / 2, alert, alert * 1.5, alert * 2, alert * 3, alert * 4}) {
            int[] pred = new int[flatP.length];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = flatP[i] >= t ? 1 : 0;
            }
            ConfusionCounts c = ConfusionCounts.of(pred, flatL);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", t);
            row.put("alarm_rate_per_hour", (double) (c.tp() + c.fp()) / c.total());
            row.put("hourly_sensitivity", c.tp() / (double) (c.tp() + c.fn()));
            row.put("hourly_ppv", c.tp() + c.fp() == 0 ? Double.NaN : c.tp() / (double) (c.tp() + c.fp()));
            row.put("utility_in_sample", UtilityScore.normalizedUtility(probs, labels, t));
            out.add(row);
        }
        return out;
    }

    /**
     * @param threshold       the utility-optimal threshold of the cross-validation models (raw scale)
     * @param sourceThreshold the utility-optimal threshold of out-of-fold predictions inside Unit1 (raw scale), or
     *                        null: the threshold a site with only Unit1's data would choose for the Unit1 model
     */
    static Map<String, Object> shift(Predictions shifted, Predictions oof, double threshold, Double sourceThreshold,
                                     TrainingPrevalence source) {
        Map<String, Object> r = new LinkedHashMap<>();
        double[][] sp = shifted.probabilitiesByStay();
        int[][] sl = shifted.labelsByStay();
        RankingMetrics.Scores s = RankingMetrics.compute(sp, sl);
        r.put("description", "trained on Unit1 (MICU) stays only, tested on Unit2 (SICU) stays");
        r.put("test_stays", sp.length);
        r.put("auroc", s.auroc());
        r.put("auprc", s.auprc());
        if (sourceThreshold != null) {
            r.put("source_threshold", sourceThreshold);
            r.put("utility_at_source_threshold", UtilityScore.normalizedUtility(sp, sl, sourceThreshold));
            // The site states its septic-stay rate (the service's site_prevalence); the Unit1 model's probabilities
            // move from Unit1's prevalence to it, and Unit1's threshold applies unchanged.
            TrainingPrevalence target = TrainingPrevalence.of(sl);
            r.put("source_prevalence", source);
            r.put("test_prevalence", target);
            r.put("utility_at_source_threshold_with_site_prevalence", UtilityScore.normalizedUtility(
                    shifted(sp, PriorShift.toSite(source, target.septicStayRate())), sl, sourceThreshold));
            // ... and when the site misstates its rate
            Map<String, Object> misstated = new LinkedHashMap<>();
            for (double f : new double[]{0.5, 0.7, 1.5, 2.0}) {
                misstated.put("rate_x" + f, UtilityScore.normalizedUtility(
                        shifted(sp, PriorShift.toSite(source, target.septicStayRate() * f)), sl, sourceThreshold));
            }
            r.put("utility_with_misstated_site_prevalence", misstated);
        }
        r.put("utility_at_cv_threshold", UtilityScore.normalizedUtility(sp, sl, threshold));
        r.put("utility_at_oracle_threshold", UtilityScore.bestThreshold(sp, sl).normalizedUtility());
        // The same Unit2 stays scored by the cross-validation models (trained on both units): the in-distribution
        // reference the shift is measured against.
        java.util.Set<Integer> unit2 = new java.util.HashSet<>();
        for (int st : shifted.stay()) {
            unit2.add(st);
        }
        List<double[]> rp = new ArrayList<>();
        List<int[]> rl = new ArrayList<>();
        double[][] op = oof.probabilitiesByStay();
        int[][] ol = oof.labelsByStay();
        int[] og = stayOfGroup(oof);
        for (int g = 0; g < op.length; g++) {
            if (unit2.contains(og[g])) {
                rp.add(op[g]);
                rl.add(ol[g]);
            }
        }
        double[][] rpa = rp.toArray(new double[0][]);
        int[][] rla = rl.toArray(new int[0][]);
        RankingMetrics.Scores ref = RankingMetrics.compute(rpa, rla);
        r.put("reference_cv_auroc_same_stays", ref.auroc());
        r.put("reference_cv_utility_same_stays", UtilityScore.normalizedUtility(rpa, rla, threshold));
        return r;
    }

    private static double[][] shifted(double[][] p, PriorShift shift) {
        double[][] out = new double[p.length][];
        for (int g = 0; g < p.length; g++) {
            out[g] = new double[p[g].length];
            for (int i = 0; i < p[g].length; i++) {
                out[g][i] = shift.apply(p[g][i]);
            }
        }
        return out;
    }

    private static Map<String, Object> summary(Map<String, Object> m) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String key : new String[]{"history", "snapshot", "snapshot_with_iculos_and_hospadmtime"}) {
            Map<?, ?> v = (Map<?, ?>) m.get(key);
            if (v == null) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("utility", v.get("utility"));
            t.put("auroc", v.get("auroc"));
            t.put("auprc", v.get("auprc"));
            Map<?, ?> po = (Map<?, ?>) v.get("pooled_oof");
            t.put("brier", po.get("brier"));
            t.put("ece", po.get("expected_calibration_error"));
            if (v.containsKey("utility_at_history_threshold")) {
                t.put("utility_at_history_threshold", v.get("utility_at_history_threshold"));
            }
            s.put(key, t);
        }
        s.put("anatomy_history", ((Map<?, ?>) m.get("anatomy_history")).get("auroc"));
        s.put("shift", m.get("shift_unit1_to_unit2"));
        s.put("recommended_alert_threshold", m.get("recommended_alert_threshold"));
        return s;
    }

    static Map<String, Object> stats(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mean", mean);
        r.put("sd", v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0.0);
        r.put("min", min);
        r.put("max", max);
        return r;
    }

    private static int[] stayOfGroup(Predictions p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.stay().length; i++) {
            if (i == 0 || p.stay()[i] != p.stay()[i - 1]) {
                out.add(p.stay()[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double baseRateBrier(int[] y) {
        double rate = 0;
        for (int v : y) {
            rate += v;
        }
        rate /= y.length;
        return rate * (1 - rate);
    }

    private EvaluateTraining() {
    }

}
