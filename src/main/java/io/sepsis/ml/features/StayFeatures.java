package io.sepsis.ml.features;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.clinical.score.News2;
import io.sepsis.clinical.score.QSofa;
import io.sepsis.clinical.score.Sirs;
import io.sepsis.clinical.score.Sofa;

import java.util.Arrays;

/**
 * The feature state of one ICU stay, updated one hourly observation at a time. {@link #write} gives the features of
 * the latest hour from that hour and earlier ones only, so there is no look-ahead by construction. This single
 * class serves training, the REST API (history then the current observation; or the observation alone) and the
 * offline scorer, so the three can never drift apart.
 *
 * <p>Not thread-safe: one instance per stay (or per request).
 */
public final class StayFeatures {
    private static final int M = FeatureSchema.MEASURED.length;
    private static final int W = FeatureSchema.WINDOWED.length;
    private static final int L = FeatureSchema.LABS.length;
    private static final int RING = FeatureSchema.LONG_WINDOW;

    private final double[] last = new double[M];
    private final double[] previous = new double[M];
    private final int[] lastHour = new int[M];
    private final double[] demographic = new double[FeatureSchema.DEMOGRAPHIC.length];
    /** Forward-filled windowed vitals per hour, ring buffer of the last 24 hours: [slot][vital]. */
    private final double[][] ring = new double[RING][W];
    private final double[] sofaRing = new double[RING];
    private final double[] shockRing = new double[RING];
    private int hours;

    public StayFeatures() {
        Arrays.fill(last, Double.NaN);
        Arrays.fill(previous, Double.NaN);
        Arrays.fill(lastHour, -1);
        Arrays.fill(demographic, Double.NaN);
    }

    /** Features of a single observation with no history: what most API clients send. */
    public static void snapshot(double[] row, float[] out) {
        StayFeatures s = new StayFeatures();
        s.push(row);
        s.write(out);
    }

    /**
     * Adds the next hour. {@code row} is indexed by {@link Field#ordinal()} (at least the 40 PhysioNet columns),
     * NaN where not measured; values are assumed plausible (validated upstream).
     */
    public void push(double[] row) {
        for (int i = 0; i < M; i++) {
            double v = row[FeatureSchema.MEASURED[i].ordinal()];
            if (!Double.isNaN(v)) {
                if (lastHour[i] >= 0) {
                    previous[i] = last[i];
                }
                last[i] = v;
                lastHour[i] = hours;
            }
        }
        for (int i = 0; i < demographic.length; i++) {
            double v = row[FeatureSchema.DEMOGRAPHIC[i].ordinal()];
            demographic[i] = v; // demographics describe the current row; ICULOS must not be carried forward
        }
        int slot = hours % RING;
        for (int j = 0; j < W; j++) {
            ring[slot][j] = current(FeatureSchema.WINDOWED[j]);
        }
        sofaRing[slot] = partialSofa();
        shockRing[slot] = ratio(current(Field.HR), current(Field.SBP));
        hours++;
    }

    /** Writes the features of the latest hour into {@code out} (length {@link FeatureSchema#size()}). */
    public void write(float[] out) {
        if (hours == 0) {
            throw new IllegalStateException("no observation pushed");
        }
        int k = 0;
        int now = hours - 1;
        for (int i = 0; i < M; i++) {
            out[k++] = (float) last[i];
        }
        for (int i = 0; i < M; i++) {
            out[k++] = lastHour[i] < 0 ? Float.NaN : now - lastHour[i];
        }
        int shortN = Math.min(hours, FeatureSchema.SHORT_WINDOW);
        int longN = Math.min(hours, FeatureSchema.LONG_WINDOW);
        for (int j = 0; j < W; j++) {
            k = writeWindow(j, shortN, longN, out, k);
        }
        for (Field f : FeatureSchema.LABS) {
            int i = indexOfMeasured(f);
            out[k++] = (float) (last[i] - previous[i]);
        }
        double hr = current(Field.HR);
        double sbp = current(Field.SBP);
        double map = currentMap();
        double fio2 = current(Field.FiO2);
        double spo2 = current(Field.O2Sat);
        out[k++] = (float) ratio(hr, sbp);
        out[k++] = (float) ratio(hr, map);
        out[k++] = (float) (sbp - current(Field.DBP));
        out[k++] = (float) ratio(current(Field.BUN), current(Field.Creatinine));
        out[k++] = (float) ratio(spo2, fio2);
        out[k++] = points(Sofa.respirationPoints(Double.NaN, spo2, fio2), spo2, fio2);
        out[k++] = points(Sofa.coagulationPoints(current(Field.Platelets)), current(Field.Platelets));
        out[k++] = points(Sofa.liverPoints(current(Field.Bilirubin_total)), current(Field.Bilirubin_total));
        out[k++] = points(Sofa.cardiovascularPoints(map), map);
        out[k++] = points(Sofa.renalPoints(current(Field.Creatinine)), current(Field.Creatinine));
        double sofa = sofaRing[now % RING];
        out[k++] = (float) sofa;
        double sofaMin = sofa;
        for (int h = 0; h < longN; h++) {
            sofaMin = Math.min(sofaMin, sofaRing[(now - h) % RING]);
        }
        out[k++] = (float) (sofa - sofaMin);
        double resp = current(Field.Resp);
        double temp = current(Field.Temp);
        out[k++] = Double.isNaN(resp) && Double.isNaN(sbp) ? Float.NaN
                : (QSofa.respirationMet(resp) ? 1 : 0) + (QSofa.systolicMet(sbp) ? 1 : 0);
        out[k++] = (Sirs.temperatureMet(temp) ? 1 : 0) + (Sirs.heartRateMet(hr) ? 1 : 0)
                + (Sirs.respirationMet(resp, current(Field.PaCO2)) ? 1 : 0)
                + (Sirs.wbcMet(current(Field.WBC), Double.NaN) ? 1 : 0);
        out[k++] = News2.respirationPoints(resp) + News2.spo2Points(spo2) + News2.oxygenPoints(fio2)
                + News2.systolicPoints(sbp) + News2.pulsePoints(hr) + News2.temperaturePoints(temp);
        double shockMax = Double.NaN;
        for (int h = 0; h < shortN; h++) {
            double s = shockRing[(now - h) % RING];
            if (!Double.isNaN(s) && !(s <= shockMax)) {
                shockMax = s;
            }
        }
        out[k++] = (float) shockMax;
        for (double d : demographic) {
            out[k++] = (float) d;
        }
        out[k++] = hours;
        assert k == FeatureSchema.size();
    }

    private int writeWindow(int j, int shortN, int longN, float[] out, int k) {
        int now = hours - 1;
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        double sumSq = 0;
        double sumX = 0;
        double sumXY = 0;
        double sumXX = 0;
        int n = 0;
        for (int h = 0; h < shortN; h++) {
            double v = ring[(now - h) % RING][j];
            if (Double.isNaN(v)) {
                continue;
            }
            double x = -h;
            min = n == 0 ? v : Math.min(min, v);
            max = n == 0 ? v : Math.max(max, v);
            sum += v;
            sumSq += v * v;
            sumX += x;
            sumXY += x * v;
            sumXX += x * x;
            n++;
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double denom = n * sumXX - sumX * sumX;
        double slope = n >= 2 && denom > 0 ? (n * sumXY - sumX * sum) / denom : Double.NaN;
        double var = n >= 2 ? Math.max(0, sumSq / n - mean * mean) : Double.NaN;
        double longSum = 0;
        int longCount = 0;
        for (int h = 0; h < longN; h++) {
            double v = ring[(now - h) % RING][j];
            if (!Double.isNaN(v)) {
                longSum += v;
                longCount++;
            }
        }
        double mean24 = longCount == 0 ? Double.NaN : longSum / longCount;
        out[k++] = (float) min;
        out[k++] = (float) max;
        out[k++] = (float) mean;
        out[k++] = (float) slope;
        out[k++] = (float) Math.sqrt(var);
        out[k++] = (float) mean24;
        out[k++] = (float) (ring[now % RING][j] - mean24);
        return k;
    }

    /**
     * a / b, NaN when undefined. Features are always finite or NaN (a zero SBP or creatinine must not become
     * +Infinity: the tree evaluator relies on it, and the training data never held one).
     */
    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private double partialSofa() {
        double spo2 = current(Field.O2Sat);
        double fio2 = current(Field.FiO2);
        return Sofa.respirationPoints(Double.NaN, spo2, fio2) + Sofa.coagulationPoints(current(Field.Platelets))
                + Sofa.liverPoints(current(Field.Bilirubin_total)) + Sofa.cardiovascularPoints(currentMap())
                + Sofa.renalPoints(current(Field.Creatinine));
    }

    private double currentMap() {
        return Observation.mapOrEstimate(current(Field.MAP), current(Field.SBP), current(Field.DBP));
    }

    private static float points(int points, double... inputs) {
        for (double in : inputs) {
            if (Double.isNaN(in)) {
                return Float.NaN;
            }
        }
        return points;
    }

    private double current(Field f) {
        return last[indexOfMeasured(f)];
    }

    private static final int[] MEASURED_INDEX = buildIndex();

    private static int indexOfMeasured(Field f) {
        int i = MEASURED_INDEX[f.ordinal()];
        if (i < 0) {
            throw new IllegalArgumentException(f + " is not a model input");
        }
        return i;
    }

    private static int[] buildIndex() {
        int[] idx = new int[Field.COUNT];
        Arrays.fill(idx, -1);
        for (int i = 0; i < FeatureSchema.MEASURED.length; i++) {
            idx[FeatureSchema.MEASURED[i].ordinal()] = i;
        }
        return idx;
    }
}
