package io.sepsis.ml.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * A monotone map from the trees' raw probability to a calibrated one: isotonic regression (pool-adjacent-violators)
 * fitted on out-of-fold predictions, stored as knots and applied by linear interpolation (flat beyond the ends).
 * Knot values strictly increase, so the map preserves the ranking between the first and last knot.
 */
public record IsotonicCalibration(@JsonProperty("raw") double[] raw, @JsonProperty("calibrated") double[] calibrated,
                                  @JsonProperty("method") String method) {

    public IsotonicCalibration {
        if (raw.length == 0 || raw.length != calibrated.length) {
            throw new IllegalArgumentException("calibration needs matching, non-empty knot arrays");
        }
        for (int i = 1; i < raw.length; i++) {
            if (!(raw[i] > raw[i - 1]) || calibrated[i] < calibrated[i - 1]) {
                throw new IllegalArgumentException("calibration knots must increase (knot " + i + ")");
            }
        }
        for (double c : calibrated) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("calibrated value outside [0, 1]");
            }
        }
    }

    public double apply(double p) {
        if (p <= raw[0]) {
            return calibrated[0];
        }
        int n = raw.length;
        if (p >= raw[n - 1]) {
            return calibrated[n - 1];
        }
        int i = Arrays.binarySearch(raw, p);
        if (i >= 0) {
            return calibrated[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (p - raw[lo]) / (raw[hi] - raw[lo]);
        return calibrated[lo] + t * (calibrated[hi] - calibrated[lo]);
    }

    /**
     * Fits on (probability, label) pairs: rows are sorted by probability and pre-pooled into {@code bins} bins of
     * equal count (ties kept together), then PAV merges violating neighbours; each block becomes one knot at its mean
     * raw probability with its observed positive rate.
     */
    public static IsotonicCalibration fit(double[] p, int[] y, int bins, String method) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] sx = new double[bins];
        double[] sy = new double[bins];
        double[] w = new double[bins];
        int m = 0;
        int start = 0;
        while (start < n) {
            int end = Math.min(n, start + Math.max(1, n / bins));
            while (end < n && p[order[end]] == p[order[end - 1]]) {
                end++; // never split equal probabilities across knots
            }
            double xs = 0;
            double ys = 0;
            for (int k = start; k < end; k++) {
                xs += p[order[k]];
                ys += y[order[k]];
            }
            if (m == sx.length) {
                sx = Arrays.copyOf(sx, m * 2);
                sy = Arrays.copyOf(sy, m * 2);
                w = Arrays.copyOf(w, m * 2);
            }
            sx[m] = xs;
            sy[m] = ys;
            w[m] = end - start;
            m++;
            start = end;
        }
        // Pool adjacent violators on the bins (sums kept, means compared).
        double[] bx = new double[m];
        double[] by = new double[m];
        double[] bw = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            bx[k] = sx[i];
            by[k] = sy[i];
            bw[k] = w[i];
            k++;
            while (k > 1 && by[k - 2] / bw[k - 2] >= by[k - 1] / bw[k - 1]) {
                bx[k - 2] += bx[k - 1];
                by[k - 2] += by[k - 1];
                bw[k - 2] += bw[k - 1];
                k--;
            }
        }
        double[] raw = new double[k];
        double[] cal = new double[k];
        for (int i = 0; i < k; i++) {
            raw[i] = bx[i] / bw[i];
            cal[i] = by[i] / bw[i];
        }
        return new IsotonicCalibration(raw, cal, method);
    }
}
