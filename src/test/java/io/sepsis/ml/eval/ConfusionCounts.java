package io.sepsis.ml.eval;

/**
 * Confusion counts of binary predictions against 0/1 labels pooled over rows, with the Challenge's accuracy and
 * F-measure (each 1.0 when its denominator is 0, as in the official {@code compute_accuracy_f_measure}).
 */
public record ConfusionCounts(long tp, long fp, long fn, long tn) {

    /** Counts over rows; predictions and labels must be 0 or 1. */
    public static ConfusionCounts of(int[] predictions, int[] labels) {
        Pooling.requireSameLength(predictions.length, labels.length, "predictions");
        Pooling.requireBinary(predictions, "predictions");
        Pooling.requireBinary(labels, "labels");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == 1) {
                if (labels[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (labels[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionCounts(tp, fp, fn, tn);
    }

    /** Counts pooled over all rows of all patients. */
    public static ConfusionCounts of(int[][] predictions, int[][] labels) {
        Pooling.requireSameShape(predictions, labels, "predictions");
        return of(Pooling.flatten(predictions), Pooling.flatten(labels));
    }

    public long total() {
        return tp + fp + fn + tn;
    }

    /** (TP + TN) / all rows; 1.0 when there are no rows. */
    public double accuracy() {
        long n = total();
        return n == 0 ? 1.0 : (double) (tp + tn) / n;
    }

    /** 2TP / (2TP + FP + FN); 1.0 when the denominator is 0. */
    public double fMeasure() {
        long d = 2 * tp + fp + fn;
        return d == 0 ? 1.0 : (double) (2 * tp) / d;
    }
}
