package io.sepsis.ml.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the hourly AUROC and the normalized utility of a set of predictions come from, so that a model card can say
 * what limits them rather than only how large they are.
 *
 * <p>PhysioNet labels a septic stay's hours from 6 h before onset on, so the pooled hourly AUROC mixes two
 * questions: which <em>patients</em> become septic (labelled hours against the hours of stays that never do), and
 * <em>when</em> (labelled hours against the same septic stays' earlier hours). {@link #auroc} scores each apart,
 * with the same official recipe as the headline ({@link RankingMetrics}).
 *
 * <p>The normalized utility is exactly the sum, over alarmed hours, of what each alarm gains over silence
 * ({@code u1 - u0}), divided by {@code best - inaction}. {@link #utility} splits that sum by where the alarms fall
 * relative to onset, and adds the gain of the hours that were not alarmed (what is left on the table).
 */
public final class ErrorAnatomy {
    private ErrorAnatomy() {
    }

    /**
     * @param all                    pooled hourly AUROC (the headline measure)
     * @param againstNonSepticStays  labelled hours against the hours of stays that never become septic: which patients
     * @param withinSepticStays      labelled hours against the earlier, unlabelled hours of septic stays, pooled over
     *                               those stays: when, across patients
     * @param meanWithinSepticStay   the same per septic stay (stays with both kinds of hours), averaged: when, inside
     *                               one patient's own course
     * @param septicStaysScored      how many stays {@code meanWithinSepticStay} averages
     * @param labelledHours          hours labelled 1
     * @param unlabelledSepticHours  hours of septic stays before their label
     * @param nonSepticHours         hours of stays never labelled
     * @param meanLabelled           mean probability of the labelled hours
     * @param meanUnlabelledSeptic   mean probability of the unlabelled hours of septic stays
     * @param meanNonSeptic          mean probability of the hours of non-septic stays
     */
    public record Auroc(double all, double againstNonSepticStays, double withinSepticStays,
                        double meanWithinSepticStay, int septicStaysScored, long labelledHours,
                        long unlabelledSepticHours, long nonSepticHours, double meanLabelled,
                        double meanUnlabelledSeptic, double meanNonSeptic) {
    }

    /**
     * Each a share of the normalized utility's denominator ({@code best - inaction}), so that the four alarm terms
     * add up to {@code normalized}.
     *
     * @param normalized            the normalized utility at the threshold
     * @param alarmsNonSepticStays  alarms in stays that never become septic (-0.05 each)
     * @param alarmsTooEarly        alarms more than 12 h before onset in septic stays (-0.05 each)
     * @param alarmsEarly           alarms 12 to 6 h before onset (gain 0 to 1, the best rising towards 6 h)
     * @param alarmsLabelled        alarms from 6 h before to 3 h after onset (gain 1 to 2: each averts a miss)
     * @param missedGain            the gain of the hours in the last two windows that were not alarmed
     * @param alarmHours            alarmed hours in each of the four alarm terms, in the same order
     */
    public record Utility(double normalized, double alarmsNonSepticStays, double alarmsTooEarly, double alarmsEarly,
                          double alarmsLabelled, double missedGain, long[] alarmHours) {
    }

    public static Auroc auroc(double[][] probabilities, int[][] labels) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        // kind of each hour: 0 labelled, 1 unlabelled hour of a septic stay, 2 hour of a non-septic stay
        int[][] kind = new int[labels.length][];
        long[] counts = new long[3];
        double[] sums = new double[3];
        double perStay = 0;
        int scored = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean septic = UtilityScore.firstPositiveRow(labels[i]) >= 0;
            boolean earlierHours = false;
            kind[i] = new int[labels[i].length];
            for (int t = 0; t < labels[i].length; t++) {
                int k = labels[i][t] == 1 ? 0 : septic ? 1 : 2;
                kind[i][t] = k;
                counts[k]++;
                sums[k] += probabilities[i][t];
                earlierHours |= k == 1;
            }
            if (earlierHours) { // a septic stay with unlabelled hours: "when" inside this one course
                perStay += RankingMetrics.auroc(probabilities[i], labels[i]);
                scored++;
            }
        }
        return new Auroc(RankingMetrics.compute(probabilities, labels).auroc(),
                aurocWithout(1, probabilities, labels, kind, counts), aurocWithout(2, probabilities, labels, kind,
                counts), scored == 0 ? Double.NaN : perStay / scored, scored, counts[0], counts[1], counts[2],
                mean(sums[0], counts[0]), mean(sums[1], counts[1]), mean(sums[2], counts[2]));
    }

    /** Pooled AUROC of every hour except those of kind {@code left}. */
    private static double aurocWithout(int left, double[][] probabilities, int[][] labels, int[][] kind,
                                       long[] counts) {
        int n = Math.toIntExact(counts[0] + counts[1] + counts[2] - counts[left]);
        double[] p = new double[n];
        int[] y = new int[n];
        int r = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int t = 0; t < labels[i].length; t++) {
                if (kind[i][t] != left) {
                    p[r] = probabilities[i][t];
                    y[r++] = labels[i][t];
                }
            }
        }
        return RankingMetrics.auroc(p, y);
    }

    /**
     * The unlabelled hours of septic stays in one band of distance before the stay's first labelled hour.
     *
     * @param fromHours        the band starts this many hours before the first labelled hour (inclusive, >= 1)
     * @param toHours          and ends this many hours before it (exclusive; {@link Integer#MAX_VALUE}: no end)
     * @param hours            how many such hours
     * @param meanProbability  their mean probability
     * @param aurocVsLabelled  AUROC of every labelled hour against these hours: how well "when" is told at that
     *                         distance, across patients (0.5: the band looks as risky as the labelled hours)
     */
    public record Band(int fromHours, int toHours, long hours, double meanProbability, double aurocVsLabelled) {
    }

    /**
     * "When", across patients, by how long before the first labelled hour: for each band {@code [edges[k],
     * edges[k+1])} of hours before it, the labelled hours of all stays against the septic stays' hours in that band.
     * A model that only ranked septic patients above others would score 0.5 in every band; one that saw the
     * onset coming would score higher the farther the band lies from it.
     *
     * @param edges increasing, from 1; the last band is open-ended
     */
    public static List<Band> whenByHoursBefore(double[][] probabilities, int[][] labels, int... edges) {
        Pooling.requireSameShape(probabilities, labels, "probabilities");
        if (edges.length == 0) {
            throw new IllegalArgumentException("no band");
        }
        for (int k = 0; k < edges.length; k++) {
            if (edges[k] < 1 || k > 0 && edges[k] <= edges[k - 1]) {
                throw new IllegalArgumentException("edges must increase from 1 hour or later");
            }
        }
        int bands = edges.length;
        long labelled = 0;
        long[] counts = new long[bands];
        for (int i = 0; i < labels.length; i++) {
            int first = UtilityScore.firstPositiveRow(labels[i]);
            for (int t = 0; t < labels[i].length; t++) {
                if (labels[i][t] == 1) {
                    labelled++;
                } else if (first >= 0 && t < first) {
                    int b = band(first - t, edges);
                    if (b >= 0) {
                        counts[b]++;
                    }
                }
            }
        }
        List<Band> out = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            int n = Math.toIntExact(labelled + counts[b]);
            double[] p = new double[n];
            int[] y = new int[n];
            int r = 0;
            double sum = 0;
            for (int i = 0; i < labels.length; i++) {
                int first = UtilityScore.firstPositiveRow(labels[i]);
                for (int t = 0; t < labels[i].length; t++) {
                    boolean inBand = labels[i][t] != 1 && first >= 0 && t < first && band(first - t, edges) == b;
                    if (labels[i][t] == 1 || inBand) {
                        p[r] = probabilities[i][t];
                        y[r++] = labels[i][t];
                        sum += inBand ? probabilities[i][t] : 0;
                    }
                }
            }
            out.add(new Band(edges[b], b + 1 < bands ? edges[b + 1] : Integer.MAX_VALUE, counts[b],
                    mean(sum, counts[b]), counts[b] == 0 || labelled == 0 ? Double.NaN : RankingMetrics.auroc(p, y)));
        }
        return out;
    }

    /** Index of the band {@code hoursBefore} falls in, -1 before the first edge. */
    private static int band(int hoursBefore, int[] edges) {
        int b = -1;
        for (int k = 0; k < edges.length && hoursBefore >= edges[k]; k++) {
            b = k;
        }
        return b;
    }

    public static Utility utility(double[][] probabilities, int[][] labels, double threshold) {
        UtilityScore.Totals totals = UtilityScore.totals(probabilities, labels, threshold);
        double denominator = totals.best() - totals.inaction();
        double[] gain = new double[5];
        long[] hours = new long[4];
        for (int i = 0; i < labels.length; i++) {
            int first = UtilityScore.firstPositiveRow(labels[i]);
            UtilityScore.RowUtilities ru = UtilityScore.rowUtilities(labels[i]);
            double onset = first - UtilityScore.DT_OPTIMAL;
            for (int t = 0; t < labels[i].length; t++) {
                double g = ru.u1()[t] - ru.u0()[t];
                double d = t - onset;
                int term;
                if (first < 0) {
                    term = 0;
                } else if (d > UtilityScore.DT_LATE) {
                    continue; // no utility either way
                } else if (d < UtilityScore.DT_EARLY) {
                    term = 1;
                } else if (d <= UtilityScore.DT_OPTIMAL) {
                    term = 2;
                } else {
                    term = 3;
                }
                if (probabilities[i][t] >= threshold) {
                    gain[term] += g;
                    hours[term]++;
                } else if (g > 0) {
                    gain[4] += g;
                }
            }
        }
        return new Utility(totals.normalized(), gain[0] / denominator, gain[1] / denominator, gain[2] / denominator,
                gain[3] / denominator, gain[4] / denominator, hours);
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

}
