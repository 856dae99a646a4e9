package io.sepsis.ml.training;

import io.sepsis.ml.data.Stay;
import io.sepsis.ml.eval.UtilityScore;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the trees are fitted to: the label and weight of every training row. Evaluation always uses the PhysioNet
 * label, and the isotonic calibration maps the trees' output to the probability of that label whatever the target,
 * so the service's probability keeps its meaning.
 *
 * <ul>
 *   <li>{@link #PHYSIONET}: the SepsisLabel as given, every row weight 1.</li>
 *   <li>{@link #UTILITY}: cost-sensitive for the Challenge utility. With {@code ts} the onset row and
 *   {@code d = t - ts}, a row's weight is the utility it gains when predicted 1 instead of 0,
 *   {@code u1 - u0} (the definition in {@link UtilityScore}), expressed relative to the mean gain of a labelled
 *   hour (1.5) so positives keep the weight scale of the standard target. So the 6 unlabelled hours before the
 *   label window ({@code -12 <= d < -6}), where an alarm already earns utility, become positives weighted
 *   0 to 0.67 ramping up; labelled hours weigh 0.67 ({@code d = -6}) to 1.33 ({@code d = 3}), the later the
 *   costlier to miss; labelled hours after {@code d = 3} earn nothing either way and keep a weight of
 *   {@link #AFTER_WINDOW_WEIGHT} so the trees still rank them high (they count in AUROC). Every other row is a
 *   negative of weight 1.</li>
 * </ul>
 */
enum TrainingTarget {
    PHYSIONET,
    UTILITY;

    /** Weight of a labelled hour more than 3 h after onset under {@link #UTILITY}: no utility, but still septic. */
    static final float AFTER_WINDOW_WEIGHT = 0.5f;
    private static final double MEAN_LABELLED_GAIN = 1.5;

    static TrainingTarget parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Labels of the rows of {@code d} under this target. */
    float[] labels(Dataset d, List<Stay> stays) {
        if (this == PHYSIONET) {
            return d.y().clone();
        }
        float[] y = signed(d, stays);
        for (int r = 0; r < y.length; r++) {
            y[r] = y[r] > 0 ? 1 : 0;
        }
        return y;
    }

    /** Weights of the rows of {@code d} under this target. */
    float[] weights(Dataset d, List<Stay> stays) {
        float[] w = this == PHYSIONET ? new float[d.rows()] : signed(d, stays);
        for (int r = 0; r < w.length; r++) {
            w[r] = this == PHYSIONET ? 1f : Math.abs(w[r]);
        }
        return w;
    }

    /**
     * Per row, signed: positive = label 1 with that weight, negative = label 0 with minus that weight. The gain of
     * an alarm is the Challenge's own {@code u1 - u0} ({@link UtilityScore#rowUtilities}); onset and utilities are
     * computed once per stay.
     */
    private static float[] signed(Dataset d, List<Stay> stays) {
        UtilityScore.RowUtilities[] utilities = new UtilityScore.RowUtilities[stays.size()];
        int[] onset = new int[stays.size()];
        Arrays.fill(onset, Integer.MAX_VALUE); // not yet computed
        float[] out = new float[d.rows()];
        for (int r = 0; r < d.rows(); r++) {
            Stay stay = stays.get(d.stay()[r]);
            if (onset[d.stay()[r]] == Integer.MAX_VALUE) {
                onset[d.stay()[r]] = onsetRow(stay);
            }
            int ts = onset[d.stay()[r]];
            if (ts == Integer.MIN_VALUE) {
                out[r] = -1f;
                continue;
            }
            double dt = d.hour()[r] - ts;
            if (dt < UtilityScore.DT_EARLY) {
                out[r] = -1f;
            } else if (dt > UtilityScore.DT_LATE) {
                out[r] = d.y()[r] == 1 ? AFTER_WINDOW_WEIGHT : -1f;
            } else {
                UtilityScore.RowUtilities u = utilities[d.stay()[r]];
                if (u == null) {
                    u = UtilityScore.rowUtilities(stay.labels());
                    utilities[d.stay()[r]] = u;
                }
                out[r] = (float) ((u.u1()[d.hour()[r]] - u.u0()[d.hour()[r]]) / MEAN_LABELLED_GAIN);
            }
        }
        return out;
    }

    /** The onset row {@code ts} (first labelled row + 6), or {@code Integer.MIN_VALUE} for a non-septic stay. */
    static int onsetRow(Stay s) {
        int first = UtilityScore.firstPositiveRow(s.labels());
        return first < 0 ? Integer.MIN_VALUE : first - (int) UtilityScore.DT_OPTIMAL;
    }
}
