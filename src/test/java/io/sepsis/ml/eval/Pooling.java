package io.sepsis.ml.eval;

/**
 * Helpers for pooling per-patient arrays into one array over all patient-hours, the way the Challenge's
 * AUROC/AUPRC/accuracy are computed, plus the shared argument checks of this package.
 */
public final class Pooling {
    private Pooling() {
    }

    /** Concatenates the patients' rows in order. */
    public static double[] flatten(double[][] perPatient) {
        int n = 0;
        for (double[] a : perPatient) {
            n += a.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] a : perPatient) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    /** Concatenates the patients' rows in order. */
    public static int[] flatten(int[][] perPatient) {
        int n = 0;
        for (int[] a : perPatient) {
            n += a.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] a : perPatient) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    static void requireSameShape(int[][] a, int[][] labels, String what) {
        if (a.length != labels.length) {
            throw new IllegalArgumentException(what + " has " + a.length + " patients, labels " + labels.length);
        }
        for (int i = 0; i < a.length; i++) {
            requireSameLength(a[i].length, labels[i].length, what + " of patient " + i);
        }
    }

    static void requireSameShape(double[][] a, int[][] labels, String what) {
        if (a.length != labels.length) {
            throw new IllegalArgumentException(what + " has " + a.length + " patients, labels " + labels.length);
        }
        for (int i = 0; i < a.length; i++) {
            requireSameLength(a[i].length, labels[i].length, what + " of patient " + i);
        }
    }

    static void requireSameLength(int n, int labels, String what) {
        if (n != labels) {
            throw new IllegalArgumentException(what + " has " + n + " rows, labels " + labels);
        }
    }

    static void requireBinary(int[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + values[i] + ", expected 0 or 1");
            }
        }
    }

    /** Rejects NaN and values outside [0, 1]. */
    static void requireProbabilities(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            double p = values[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + p + ", expected a probability in [0, 1]");
            }
        }
    }

    /**
     * Sorted distinct values of {@code values} (ascending, -0.0 folded into 0.0), so that
     * {@link java.util.Arrays#binarySearch(double[], double)} finds every input value (after {@code + 0.0}).
     */
    static double[] sortedDistinct(double[] values) {
        double[] s = new double[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = values[i] + 0.0;
        }
        java.util.Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return java.util.Arrays.copyOf(s, m);
    }

    /** Index of {@code value} in {@code distinct} (which must contain it). */
    static int rank(double[] distinct, double value) {
        return java.util.Arrays.binarySearch(distinct, value + 0.0);
    }
}
