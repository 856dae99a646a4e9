package io.sepsis.ml.training;

import io.sepsis.clinical.Field;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.features.FeatureSchema;
import io.sepsis.ml.features.StayFeatures;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feature matrix built from stays with the service's own feature code. Row-major {@code float[]}, NaN = missing,
 * with the stay index and hour of every row so folds can be cut by patient and rows related to sepsis onset.
 *
 * <p>Two views of the same hours exist, because clients call the API in two ways:
 * <ul>
 *   <li>{@link #history}: hour t scored with every earlier hour of its stay (bedside monitoring, the Challenge's
 *   setting).</li>
 *   <li>{@link #snapshots}: hour t scored from the stay's last known value of every variable as one observation
 *   with no history (what a client sends when it has no history); ICULOS and HospAdmTime are hidden with a given
 *   probability because such clients rarely know them.</li>
 * </ul>
 */
public record Dataset(float[] x, float[] y, int[] stay, int[] hour, int rows, int cols) {

    public static Dataset history(List<Stay> stays) {
        Rows out = new Rows(totalHours(stays));
        float[] buf = new float[FeatureSchema.size()];
        for (int s = 0; s < stays.size(); s++) {
            Stay st = stays.get(s);
            StayFeatures f = new StayFeatures();
            for (int t = 0; t < st.hours(); t++) {
                f.push(st.rows()[t]);
                f.write(buf);
                out.add(buf, st, s, t);
            }
        }
        return out.build();
    }

    /**
     * Snapshot view of every {@code everyNth} hour of each stay (random phase), each scored with no history.
     * With {@code everyNth == 1} rows align one-to-one with {@link #history}.
     */
    public static Dataset snapshots(List<Stay> stays, int everyNth, double hideAdminProbability, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] phase = new int[stays.size()];
        int rows = 0;
        for (int s = 0; s < stays.size(); s++) {
            phase[s] = everyNth == 1 ? 0 : rnd.nextInt(everyNth);
            int n = stays.get(s).hours();
            rows += n > phase[s] ? (n - phase[s] + everyNth - 1) / everyNth : 0;
        }
        Rows out = new Rows(rows);
        float[] buf = new float[FeatureSchema.size()];
        for (int s = 0; s < stays.size(); s++) {
            Stay st = stays.get(s);
            double[][] filled = forwardFilled(st);
            for (int t = phase[s]; t < st.hours(); t += everyNth) {
                double[] snap = filled[t];
                if (rnd.nextDouble() < hideAdminProbability) {
                    snap[Field.ICULOS.ordinal()] = Double.NaN;
                }
                if (rnd.nextDouble() < hideAdminProbability) {
                    snap[Field.HospAdmTime.ordinal()] = Double.NaN;
                }
                StayFeatures.snapshot(snap, buf);
                out.add(buf, st, s, t);
            }
        }
        return out.build();
    }

    /**
     * Partial-history view of every hour: what a client sends when it holds only the last {@code k} hours. Hour t is
     * scored from rows {@code t-k+1 .. t} alone, the oldest of them carrying the stay's last known value of every
     * variable (as a snapshot does) and the others as recorded. Rows align one-to-one with {@link #history}.
     */
    public static Dataset partial(List<Stay> stays, int k) {
        Rows out = new Rows(totalHours(stays));
        float[] buf = new float[FeatureSchema.size()];
        for (int s = 0; s < stays.size(); s++) {
            Stay st = stays.get(s);
            double[][] filled = forwardFilled(st);
            for (int t = 0; t < st.hours(); t++) {
                int from = Math.max(0, t - k + 1);
                StayFeatures f = new StayFeatures();
                f.push(filled[from]);
                for (int u = from + 1; u <= t; u++) {
                    f.push(st.rows()[u]);
                }
                f.write(buf);
                out.add(buf, st, s, t);
            }
        }
        return out.build();
    }

    /**
     * The stay's last known value of every variable at each hour (a fresh array per hour), with ICULOS that hour's
     * own: what a client that keeps no history but remembers the latest values would send.
     */
    private static double[][] forwardFilled(Stay st) {
        double[][] out = new double[st.hours()][];
        double[] f = new double[Field.COUNT];
        Arrays.fill(f, Double.NaN);
        for (int t = 0; t < st.hours(); t++) {
            double[] row = st.rows()[t];
            for (int c = 0; c < row.length; c++) {
                if (!Double.isNaN(row[c])) {
                    f[c] = row[c];
                }
            }
            out[t] = f.clone();
            out[t][Field.ICULOS.ordinal()] = row[Field.ICULOS.ordinal()];
        }
        return out;
    }

    /** The rows of a dataset being built: features, label, stay and hour of each. */
    private static final class Rows {
        private final int cols = FeatureSchema.size();
        private final float[] x;
        private final float[] y;
        private final int[] stay;
        private final int[] hour;
        private int r;

        Rows(int rows) {
            x = new float[Math.multiplyExact(rows, cols)];
            y = new float[rows];
            stay = new int[rows];
            hour = new int[rows];
        }

        void add(float[] features, Stay st, int s, int t) {
            System.arraycopy(features, 0, x, r * cols, cols);
            y[r] = st.labels()[t];
            stay[r] = s;
            hour[r] = t;
            r++;
        }

        Dataset build() {
            if (r != y.length) {
                throw new IllegalStateException(r + " rows written of " + y.length);
            }
            return new Dataset(x, y, stay, hour, y.length, cols);
        }
    }

    /**
     * Blanks (NaN, as if never measured) every feature whose name matches {@code names}, in place: an ablation, so
     * that what a group of features adds can be measured on the same folds without changing the schema. XGBoost
     * cannot split on a column that is always missing, so this is the model trained without them.
     *
     * @return the number of columns blanked
     */
    public int mask(java.util.regex.Pattern names) {
        List<String> all = FeatureSchema.names();
        int n = 0;
        for (int c = 0; c < cols; c++) {
            if (names.matcher(all.get(c)).matches()) {
                for (int r = 0; r < rows; r++) {
                    x[r * cols + c] = Float.NaN;
                }
                n++;
            }
        }
        return n;
    }

    /** Row indices whose stay passes {@code keep}. */
    public int[] rowsWhere(java.util.function.IntPredicate keepStay) {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keepStay.test(stay[i])) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (keepStay.test(stay[i])) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int totalHours(List<Stay> stays) {
        int n = 0;
        for (Stay s : stays) {
            n += s.hours();
        }
        return n;
    }
}
