package io.sepsis.ml.eval;

/**
 * AUROC and AUPRC pooled over patient-hours, exactly as the official {@code evaluate_sepsis_score.py} computes them
 * ({@code compute_auc}), in O(N log N): the probabilities are sorted once and the contingency table is swept over
 * the thresholds.
 *
 * <p>The official recipe: thresholds are the distinct predicted probabilities in descending order, with 1 put in
 * front if the largest is not 1 and the last one dropped if it is 0. At each threshold a row is positive when its
 * probability is {@code >=} the threshold; TPR = TP/(TP+FN), TNR = TN/(FP+TN), PPV = TP/(TP+FP), each 1 when its
 * denominator is 0. AUROC = sum of {@code 0.5 (TPR[k+1]-TPR[k]) (TNR[k+1]+TNR[k])} (trapezoid, TPR on the x axis),
 * AUPRC = sum of {@code (TPR[k+1]-TPR[k]) PPV[k+1]} (right step).
 *
 * <p>Quirks kept on purpose (they are what the Challenge scored): the curve need not start at TPR = 0 (when some
 * probabilities equal 1) nor end at TPR = 1 (rows with probability 0 are never counted positive), so probabilities
 * taking only the values 0 and 1 give AUROC = AUPRC = 0, and with no positive label both are 0. With no ties and no
 * probability equal to 0 or 1 the AUROC equals the Mann-Whitney statistic.
 *
 * <p>Argument order: probabilities first, labels (0/1) second; probabilities must lie in [0, 1].
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * Both areas of one evaluation.
     *
     * @param auroc      area under the ROC curve (official trapezoid)
     * @param auprc      area under the precision-recall curve (official right step)
     * @param thresholds number of thresholds (curve points) the official recipe used
     */
    public record Scores(double auroc, double auprc, int thresholds) {
    }

    /** AUROC and AUPRC of probabilities against 0/1 labels, pooled over rows. */
    public static Scores compute(double[] probabilities, int[] labels) {
        Pooling.requireSameLength(probabilities.length, labels.length, "probabilities");
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        Pooling.requireProbabilities(probabilities, "probabilities");
        Pooling.requireBinary(labels, "labels");

        double[] distinct = Pooling.sortedDistinct(probabilities); // ascending
        int m = distinct.length;
        long[] positives = new long[m];
        long[] negatives = new long[m];
        long totalPositives = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int r = Pooling.rank(distinct, probabilities[i]);
            if (labels[i] == 1) {
                positives[r]++;
                totalPositives++;
            } else {
                negatives[r]++;
            }
        }
        long totalNegatives = probabilities.length - totalPositives;

        // Official thresholds, descending: distinct values, 1 in front if the largest is not 1, last dropped if 0.
        boolean prependOne = distinct[m - 1] != 1.0;
        int count = m + (prependOne ? 1 : 0);
        boolean dropLast = distinct[0] == 0.0;
        if (dropLast) {
            count--;
        }

        long tp = 0;
        long fp = 0;
        int next = m - 1; // next distinct value (descending) not yet counted positive
        double auroc = 0;
        double auprc = 0;
        double prevTpr = 0;
        double prevTnr = 0;
        for (int j = 0; j < count; j++) {
            double threshold = prependOne ? (j == 0 ? 1.0 : distinct[m - j]) : distinct[m - 1 - j];
            while (next >= 0 && distinct[next] >= threshold) {
                tp += positives[next];
                fp += negatives[next];
                next--;
            }
            long fn = totalPositives - tp;
            long tn = totalNegatives - fp;
            double tpr = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
            double tnr = fp + tn == 0 ? 1.0 : (double) tn / (fp + tn);
            double ppv = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            if (j > 0) {
                auroc += 0.5 * (tpr - prevTpr) * (tnr + prevTnr);
                auprc += (tpr - prevTpr) * ppv;
            }
            prevTpr = tpr;
            prevTnr = tnr;
        }
        return new Scores(auroc, auprc, count);
    }

    /** AUROC and AUPRC pooled over all rows of all patients. */
    public static Scores compute(double[][] probabilities, int[][] labels) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        return compute(Pooling.flatten(probabilities), Pooling.flatten(labels));
    }

    /** Official AUROC; see {@link #compute(double[], int[])}. */
    public static double auroc(double[] probabilities, int[] labels) {
        return compute(probabilities, labels).auroc();
    }

    /** Official AUPRC; see {@link #compute(double[], int[])}. */
    public static double auprc(double[] probabilities, int[] labels) {
        return compute(probabilities, labels).auprc();
    }
}
