package io.sepsis.ml.eval;

import java.util.ArrayList;
import java.util.List;

/** Calibration of predicted probabilities against 0/1 labels: Brier score and a reliability table. */
public final class Calibration {
    /** Number of bins of {@link #reliability(double[], int[])}. */
    public static final int DEFAULT_BINS = 10;

    private Calibration() {
    }

    /**
     * One equal-width probability bin {@code [lower, upper)} (the last bin also holds {@code upper} itself).
     *
     * @param lower         lower edge, {@code index / bins}
     * @param upper         upper edge, {@code (index + 1) / bins}
     * @param count         rows whose probability falls in the bin
     * @param meanPredicted mean probability of those rows (NaN when {@code count == 0})
     * @param observedRate  fraction of those rows labelled 1 (NaN when {@code count == 0})
     */
    public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double observedRate) {
    }

    /** Reliability table: the bins in increasing probability order. */
    public record ReliabilityTable(List<ReliabilityBin> bins) {
        public ReliabilityTable {
            bins = List.copyOf(bins);
        }

        /** Total rows over all bins. */
        public long count() {
            long n = 0;
            for (ReliabilityBin b : bins) {
                n += b.count();
            }
            return n;
        }

        /**
         * Expected calibration error: {@code sum(count_b / N * |meanPredicted_b - observedRate_b|)} over non-empty
         * bins.
         */
        public double expectedCalibrationError() {
            long n = count();
            double ece = 0;
            for (ReliabilityBin b : bins) {
                if (b.count() > 0) {
                    ece += (double) b.count() / n * Math.abs(b.meanPredicted() - b.observedRate());
                }
            }
            return ece;
        }
    }

    /** Brier score: mean of {@code (p - y)^2} over rows. */
    public static double brier(double[] probabilities, int[] labels) {
        Pooling.requireSameLength(probabilities.length, labels.length, "probabilities");
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        Pooling.requireProbabilities(probabilities, "probabilities");
        Pooling.requireBinary(labels, "labels");
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double e = probabilities[i] - labels[i];
            sum += e * e;
        }
        return sum / probabilities.length;
    }

    /** Brier score pooled over all rows of all patients. */
    public static double brier(double[][] probabilities, int[][] labels) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        return brier(Pooling.flatten(probabilities), Pooling.flatten(labels));
    }

    /** Reliability table with {@value #DEFAULT_BINS} equal-width bins. */
    public static ReliabilityTable reliability(double[] probabilities, int[] labels) {
        return reliability(probabilities, labels, DEFAULT_BINS);
    }

    /**
     * Reliability table with {@code bins} equal-width bins over [0, 1]. Bin {@code k} holds the probabilities
     * {@code p} with {@code k/bins <= p < (k+1)/bins} (edges computed as {@code k / (double) bins}), the last bin
     * also {@code p == 1}.
     */
    public static ReliabilityTable reliability(double[] probabilities, int[] labels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        Pooling.requireSameLength(probabilities.length, labels.length, "probabilities");
        Pooling.requireProbabilities(probabilities, "probabilities");
        Pooling.requireBinary(labels, "labels");
        long[] count = new long[bins];
        double[] sumP = new double[bins];
        long[] positives = new long[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int b = bin(probabilities[i], bins);
            count[b]++;
            sumP[b] += probabilities[i];
            positives[b] += labels[i];
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double mean = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
            double rate = count[b] == 0 ? Double.NaN : (double) positives[b] / count[b];
            out.add(new ReliabilityBin(lower(b, bins), lower(b + 1, bins), count[b], mean, rate));
        }
        return new ReliabilityTable(out);
    }

    private static double lower(int b, int bins) {
        return b / (double) bins;
    }

    /** Bin index consistent with the reported edges, whatever the rounding of {@code p * bins}. */
    private static int bin(double p, int bins) {
        int b = Math.min((int) (p * bins), bins - 1);
        while (b > 0 && p < lower(b, bins)) {
            b--;
        }
        while (b < bins - 1 && p >= lower(b + 1, bins)) {
            b++;
        }
        return b;
    }
}
