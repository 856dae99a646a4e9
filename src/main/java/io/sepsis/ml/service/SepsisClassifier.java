package io.sepsis.ml.service;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.clinical.SepticShockCriteria;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.clinical.score.News2;
import io.sepsis.clinical.score.QSofa;
import io.sepsis.clinical.score.ScoreResult;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.RiskLevel;
import io.sepsis.ml.features.FeatureSchema;
import io.sepsis.ml.features.StayFeatures;
import io.sepsis.ml.model.PriorShift;
import io.sepsis.ml.model.SepsisModel;
import io.sepsis.ml.model.TreeEnsemble;

import java.util.ArrayList;
import java.util.List;

/**
 * The hybrid ML pathway, framework-free: features from the history and the current observation, the tree model's
 * probability, deterministic clinical scores, and escalation floors that can only raise the risk.
 *
 * <p>How the answer is combined: {@code sepsis_probability} and {@code alert} come from the model alone
 * (alert = p >= alert threshold), p being the calibrated probability moved to the site's prevalence when the
 * thresholds state one ({@link PriorShift}). {@code risk_score} maps p piecewise-linearly (see {@link MlThresholds}); then each
 * configured floor whose criterion is met (septic shock -> CRITICAL, qSOFA >= 2 -> HIGH, NEWS2 >= 7 -> HIGH) raises
 * the score to that level's lower boundary, and is listed in {@code escalation_reasons}. Clinical scores use the last
 * known value of each variable over history + current observation, as the model's features do.
 */
public final class SepsisClassifier {
    /** How top factors are attributed. */
    public enum Explain { PATH, SHAP, NONE }

    public static final int TOP_FACTORS = 5;

    private final SepsisModel model;

    public SepsisClassifier(SepsisModel model) {
        this.model = model;
    }

    public SepsisModel model() {
        return model;
    }

    public Classification classify(PatientInput in, MlThresholds t, Explain explain) {
        StayFeatures state = new StayFeatures();
        double[] filled = null;
        for (Observation h : in.history()) {
            filled = pushAndFill(state, h, filled);
        }
        filled = pushAndFill(state, in.current(), filled);
        float[] x = new float[FeatureSchema.size()];
        state.write(x);
        TreeEnsemble trees = model.trees();
        double[] contrib = new double[x.length + 1];
        double p;
        if (explain == Explain.PATH) {
            p = model.calibrated(TreeEnsemble.sigmoid(trees.pathContributions(x, contrib))); // one walk for both
        } else {
            if (explain == Explain.SHAP) {
                trees.shapContributions(x, contrib);
            }
            p = model.probability(x);
        }
        p = priorShift(model, t).apply(p);
        Observation effective = Observation.of(filled);
        ClinicalScores scores = ClinicalScores.compute(effective);
        List<String> reasons = new ArrayList<>(2);
        int score = escalate(t.riskScore(p), effective, scores.qsofa(), scores.news2(), t, reasons);
        return new Classification(p, t.alert(p), RiskLevel.ofScore(score), score, reasons, scores,
                explain == Explain.NONE ? List.of() : topFactors(x, contrib),
                switch (explain) {
                    case SHAP -> "treeshap";
                    case PATH -> "path";
                    case NONE -> "none";
                });
    }

    /** One row of a timeline: hour i scored from rows 0..i only. */
    public record HourScore(int hour, double probability, boolean alert, int riskScore, RiskLevel level,
                            List<String> escalationReasons) {
    }

    public List<HourScore> timeline(List<Observation> rows, MlThresholds t) {
        StayFeatures state = new StayFeatures();
        float[] x = new float[FeatureSchema.size()];
        double[] filled = null;
        List<HourScore> out = new ArrayList<>(rows.size());
        PriorShift shift = priorShift(model, t);
        for (int i = 0; i < rows.size(); i++) {
            filled = pushAndFill(state, rows.get(i), filled);
            state.write(x);
            double p = shift.apply(model.probability(x));
            Observation effective = Observation.of(filled);
            List<String> reasons = new ArrayList<>(0);
            // the floors read qSOFA and NEWS2 only; a timeline reports no scores, so SIRS and SOFA are not computed
            int score = escalate(t.riskScore(p), effective, QSofa.evaluate(effective),
                    News2.evaluate(effective), t, reasons);
            out.add(new HourScore(i, p, t.alert(p), score, RiskLevel.ofScore(score), reasons));
        }
        return out;
    }

    /**
     * The shift of the model's calibrated probability to the site the thresholds describe; none when they name no
     * site (thresholds and floors then apply to the training population's probability, as before).
     */
    public static PriorShift priorShift(SepsisModel model, MlThresholds t) {
        return t.sitePrevalence() == null ? PriorShift.NONE
                : PriorShift.toSite(model.manifest().trainingPrevalence(), t.sitePrevalence().septicStayRate());
    }

    static int escalate(int score, Observation o, ScoreResult qsofa, ScoreResult news2, MlThresholds t,
                        List<String> reasons) {
        int out = score;
        for (MlThresholds.Floor f : t.floors()) {
            String why = switch (f.criterion()) {
                case SEPTIC_SHOCK -> {
                    SepticShockCriteria c = SepticShockCriteria.evaluate(o);
                    yield c.met() ? "septic shock criteria (" + String.join(", ", c.criteriaFired()) + ")" : null;
                }
                case QSOFA_GE_2 -> qsofa.score() >= 2 ? "qSOFA " + qsofa.score() + " >= 2" : null;
                case NEWS2_GE_7 -> news2.score() >= 7 ? "NEWS2 " + news2.score() + " >= 7" : null;
            };
            if (why != null) {
                reasons.add(why + " -> at least " + f.minLevel());
                out = Math.max(out, f.minLevel().scoreFrom);
            }
        }
        return out;
    }

    private static double[] pushAndFill(StayFeatures state, Observation o, double[] filled) {
        double[] row = o.toArray();
        state.push(row);
        if (filled == null) {
            return row;
        }
        for (int i = 0; i < row.length; i++) {
            if (!Double.isNaN(row[i])) {
                filled[i] = row[i];
            }
        }
        // Demographic context describes the current row, not a carried-forward past one.
        filled[Field.ICULOS.ordinal()] = row[Field.ICULOS.ordinal()];
        return filled;
    }

    private List<Classification.Factor> topFactors(float[] x, double[] contrib) {
        int n = x.length;
        int[] best = new int[TOP_FACTORS];
        int count = 0;
        for (int f = 0; f < n; f++) {
            if (contrib[f] == 0) {
                continue;
            }
            int pos = count < TOP_FACTORS ? count++ : TOP_FACTORS;
            if (pos == TOP_FACTORS) {
                if (Math.abs(contrib[f]) <= Math.abs(contrib[best[TOP_FACTORS - 1]])) {
                    continue;
                }
                pos = TOP_FACTORS - 1;
            }
            while (pos > 0 && Math.abs(contrib[best[pos - 1]]) < Math.abs(contrib[f])) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = f;
        }
        List<String> names = model.featureNames();
        List<Classification.Factor> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int f = best[i];
            // Float.toString gives the shortest decimal of the float (1.8, not 1.7999999523162842).
            out.add(new Classification.Factor(names.get(f), Float.isNaN(x[f]) ? null : Double.valueOf(Float.toString(x[f])),
                    contrib[f]));
        }
        return out;
    }
}
