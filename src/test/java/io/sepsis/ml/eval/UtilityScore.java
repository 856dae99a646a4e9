package io.sepsis.ml.eval;

import java.util.Arrays;

/**
 * The PhysioNet/CinC Challenge 2019 utility score, as computed by the official {@code evaluate_sepsis_score.py}.
 *
 * <p>For a septic patient let {@code f} be the first row labelled 1 and {@code ts = f + 6} the onset row
 * (non-septic: {@code ts = +inf}). Row {@code t} with {@code d = t - ts} earns, for a prediction of 1: nothing
 * when {@code d > 3}; {@code max((d + 12)/6, -0.05)} when {@code d <= -6}; {@code (3 - d)/9} when
 * {@code -6 < d <= 3}; and {@code -0.05} on every row of a non-septic patient. A prediction of 0 earns nothing
 * except {@code -2(d + 6)/9} when {@code -6 < d <= 3} on a septic patient. The patient utility is the sum over
 * rows; "best" predicts 1 on rows {@code max(0, ts-12) .. min(ts+3, n-1)}, "inaction" predicts all 0, and the
 * normalized utility pools the three sums over all patients:
 * {@code (observed - inaction) / (best - inaction)}.
 *
 * <p>The score is a sum of independent per-row terms, so a patient's labels determine two vectors
 * {@code u1} (utility of predicting 1) and {@code u0} (utility of predicting 0) once and for all
 * ({@link #rowUtilities(int[])}); the threshold search ({@link #bestThreshold(double[][], int[][])}) relies on it.
 *
 * <p>Argument order throughout: predictions (or probabilities) first, labels second. Labels and binary predictions
 * must be 0 or 1; probabilities must lie in [0, 1]. All arrays of one patient must have the same length.
 */
public final class UtilityScore {
    public static final double DT_EARLY = -12;
    public static final double DT_OPTIMAL = -6;
    public static final double DT_LATE = 3;
    public static final double MAX_U_TP = 1;
    public static final double MIN_U_FN = -2;
    public static final double U_FP = -0.05;
    public static final double U_TN = 0;

    // Slopes and intercepts of u = m * (t - ts) + b, exactly as the official script derives them.
    private static final double M_1 = MAX_U_TP / (DT_OPTIMAL - DT_EARLY);
    private static final double B_1 = -M_1 * DT_EARLY;
    private static final double M_2 = -MAX_U_TP / (DT_LATE - DT_OPTIMAL);
    private static final double B_2 = -M_2 * DT_LATE;
    private static final double M_3 = MIN_U_FN / (DT_LATE - DT_OPTIMAL);
    private static final double B_3 = -M_3 * DT_OPTIMAL;

    private UtilityScore() {
    }

    /**
     * Per-row utilities of one patient.
     *
     * @param u1 utility of predicting 1 at each row
     * @param u0 utility of predicting 0 at each row
     */
    public record RowUtilities(double[] u1, double[] u0) {
        public int rows() {
            return u1.length;
        }

        /** Utility of the binary predictions (0/1 per row). */
        public double utility(int[] predictions) {
            Pooling.requireSameLength(predictions.length, u1.length, "predictions");
            double sum = 0;
            for (int t = 0; t < u1.length; t++) {
                sum += predictions[t] == 1 ? u1[t] : u0[t];
            }
            return sum;
        }

        /** Utility of predicting 0 everywhere. */
        public double inaction() {
            double sum = 0;
            for (double u : u0) {
                sum += u;
            }
            return sum;
        }
    }

    /**
     * Pooled utility sums over a set of patients.
     *
     * @param observed sum of the patients' utilities under the evaluated predictions
     * @param best     sum of the "best" utilities
     * @param inaction sum of the "inaction" (all-0) utilities
     */
    public record Totals(double observed, double best, double inaction) {
        /**
         * {@code (observed - inaction) / (best - inaction)}; NaN when {@code best == inaction}, which happens only
         * when no patient is septic.
         */
        public double normalized() {
            double denominator = best - inaction;
            return denominator == 0 ? Double.NaN : (observed - inaction) / denominator;
        }
    }

    /**
     * Result of a threshold search.
     *
     * @param threshold         a row is predicted 1 when its probability is {@code >= threshold}; either one of the
     *                          predicted probabilities or, when raising no alarm at all is best,
     *                          {@code Math.nextUp(max probability)}
     * @param normalizedUtility the normalized utility reached at {@code threshold}, equal to
     *                          {@link #normalizedUtility(double[][], int[][], double)} there
     */
    public record ThresholdChoice(double threshold, double normalizedUtility) {
    }

    /** Index of the first row labelled 1, or -1 for a non-septic patient. */
    public static int firstPositiveRow(int[] labels) {
        Pooling.requireBinary(labels, "labels");
        for (int t = 0; t < labels.length; t++) {
            if (labels[t] == 1) {
                return t;
            }
        }
        return -1;
    }

    /** The utility of predicting 1 and of predicting 0 at every row of a patient with these labels. */
    public static RowUtilities rowUtilities(int[] labels) {
        int first = firstPositiveRow(labels);
        int n = labels.length;
        double[] u1 = new double[n];
        double[] u0 = new double[n];
        if (first < 0) {
            Arrays.fill(u1, U_FP);
            Arrays.fill(u0, U_TN);
            return new RowUtilities(u1, u0);
        }
        double tSepsis = first - DT_OPTIMAL;
        for (int t = 0; t < n; t++) {
            double d = t - tSepsis;
            if (d > DT_LATE) {
                break; // rows after onset + 3 h count for nothing (arrays already 0)
            }
            if (d <= DT_OPTIMAL) {
                u1[t] = Math.max(M_1 * d + B_1, U_FP);
                u0[t] = 0;
            } else {
                u1[t] = M_2 * d + B_2;
                u0[t] = M_3 * d + B_3;
            }
        }
        return new RowUtilities(u1, u0);
    }

    /** Utility of one patient's binary predictions. */
    public static double patientUtility(int[] predictions, int[] labels) {
        Pooling.requireBinary(predictions, "predictions");
        Pooling.requireSameLength(predictions.length, labels.length, "predictions");
        return rowUtilities(labels).utility(predictions);
    }

    /**
     * The official "best" predictions: 1 on rows {@code max(0, ts-12) .. min(ts+3, n-1)} of a septic patient,
     * all 0 for a non-septic one.
     */
    public static int[] bestPredictions(int[] labels) {
        int first = firstPositiveRow(labels);
        int[] best = new int[labels.length];
        if (first >= 0) {
            int tSepsis = first - (int) DT_OPTIMAL;
            int begin = Math.max(0, tSepsis + (int) DT_EARLY);
            int end = Math.min(tSepsis + (int) DT_LATE + 1, labels.length);
            if (begin < end) {
                Arrays.fill(best, begin, end, 1);
            }
        }
        return best;
    }

    /** Utility of {@link #bestPredictions(int[])}. */
    public static double bestUtility(int[] labels) {
        return rowUtilities(labels).utility(bestPredictions(labels));
    }

    /** Utility of predicting 0 at every row. */
    public static double inactionUtility(int[] labels) {
        return rowUtilities(labels).inaction();
    }

    /** Observed, best and inaction sums of binary predictions pooled over patients. */
    public static Totals totals(int[][] predictions, int[][] labels) {
        Pooling.requireSameShape(predictions, labels, "predictions");
        double observed = 0;
        double best = 0;
        double inaction = 0;
        for (int i = 0; i < labels.length; i++) {
            Pooling.requireBinary(predictions[i], "predictions of patient " + i);
            RowUtilities ru = rowUtilities(labels[i]);
            observed += ru.utility(predictions[i]);
            best += ru.utility(bestPredictions(labels[i]));
            inaction += ru.inaction();
        }
        return new Totals(observed, best, inaction);
    }

    /** Normalized utility of binary predictions pooled over patients (NaN when no patient is septic). */
    public static double normalizedUtility(int[][] predictions, int[][] labels) {
        return totals(predictions, labels).normalized();
    }

    /** Observed, best and inaction sums when a row is predicted 1 iff its probability is {@code >= threshold}. */
    public static Totals totals(double[][] probabilities, int[][] labels, double threshold) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        double observed = 0;
        double best = 0;
        double inaction = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] p = probabilities[i];
            Pooling.requireProbabilities(p, "probabilities of patient " + i);
            RowUtilities ru = rowUtilities(labels[i]);
            for (int t = 0; t < p.length; t++) {
                observed += p[t] >= threshold ? ru.u1[t] : ru.u0[t];
            }
            best += ru.utility(bestPredictions(labels[i]));
            inaction += ru.inaction();
        }
        return new Totals(observed, best, inaction);
    }

    /**
     * Normalized utility when a row is predicted 1 iff its probability is {@code >= threshold} (NaN when no patient
     * is septic).
     */
    public static double normalizedUtility(double[][] probabilities, int[][] labels, double threshold) {
        return totals(probabilities, labels, threshold).normalized();
    }

    /**
     * The threshold that maximises the pooled normalized utility, in O(N log N) for N rows: every row's gain
     * {@code u1 - u0} is added to the bucket of its (distinct) probability, and the buckets are accumulated from the
     * highest probability down, so all rows sharing a probability flip together. Candidates are every distinct
     * probability plus "no alarm at all" (normalized utility 0, reported as threshold
     * {@code Math.nextUp(max probability)}); among equally good candidates the highest threshold wins.
     *
     * @throws IllegalArgumentException when no patient is septic (the normalized utility is undefined), on shape
     *                                  mismatch, or on a probability outside [0, 1]
     */
    public static ThresholdChoice bestThreshold(double[][] probabilities, int[][] labels) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        for (int i = 0; i < probabilities.length; i++) {
            Pooling.requireProbabilities(probabilities[i], "probabilities of patient " + i);
        }
        double[] distinct = Pooling.sortedDistinct(Pooling.flatten(probabilities));
        double[] gain = new double[distinct.length];
        double best = 0;
        double inaction = 0;
        for (int i = 0; i < labels.length; i++) {
            RowUtilities ru = rowUtilities(labels[i]);
            double[] p = probabilities[i];
            for (int t = 0; t < p.length; t++) {
                gain[Pooling.rank(distinct, p[t])] += ru.u1[t] - ru.u0[t];
            }
            best += ru.utility(bestPredictions(labels[i]));
            inaction += ru.inaction();
        }
        double denominator = best - inaction;
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("no septic patient: the normalized utility is undefined");
        }
        double bestThreshold = Math.nextUp(distinct[distinct.length - 1]);
        double bestValue = 0;
        double cumulative = 0;
        for (int k = distinct.length - 1; k >= 0; k--) {
            cumulative += gain[k];
            double value = cumulative / denominator;
            if (value > bestValue) {
                bestValue = value;
                bestThreshold = distinct[k];
            }
        }
        // Report the value computed directly (same summation order as normalizedUtility), not the running sum.
        return new ThresholdChoice(bestThreshold, normalizedUtility(probabilities, labels, bestThreshold));
    }
}
