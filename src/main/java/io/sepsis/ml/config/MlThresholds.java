package io.sepsis.ml.config;

import java.time.Instant;
import java.util.List;

/**
 * One immutable, validated snapshot of the ML pathway's live thresholds. A request (or a whole batch) reads one
 * snapshot, so a reload can never half-apply to it.
 *
 * <p>risk_score is piecewise-linear in the probability with knots (0, 0), (moderateFrom, 25),
 * (alertThreshold, 50), (criticalFrom, 80), (1, 100): 50 is the HIGH boundary (= the alert threshold) and 80 the
 * CRITICAL boundary. Floors raise the score to the floor level's lower boundary, never lower it.
 */
public record MlThresholds(String version, String description, double alertThreshold, double moderateFrom,
                           double criticalFrom, List<Floor> floors, SitePrevalence sitePrevalence, Instant loadedAt,
                           String source) {

    public record Floor(EscalationCriterion criterion, RiskLevel minLevel, String rationale, String source) {
    }

    /**
     * The share of this site's ICU stays that become septic (Sepsis-3), and where that number comes from. Given, the
     * model's probability is moved from the training population's prevalence to the site's before any threshold
     * applies ({@link io.sepsis.ml.model.PriorShift}); absent (null), the probability is the training population's.
     */
    public record SitePrevalence(double septicStayRate, String source) {
    }

    public MlThresholds {
        floors = List.copyOf(floors);
    }

    /** Maps a probability to the 0-100 risk score (before floors). */
    public int riskScore(double p) {
        double[] px = {0, moderateFrom, alertThreshold, criticalFrom, 1};
        double[] sy = {0, RiskLevel.MODERATE.scoreFrom, RiskLevel.HIGH.scoreFrom, RiskLevel.CRITICAL.scoreFrom, 100};
        if (!(p > 0)) {
            return 0;
        }
        if (p >= 1) {
            return 100;
        }
        for (int i = 1; i < px.length; i++) {
            if (p < px[i]) {
                double s = sy[i - 1] + (sy[i] - sy[i - 1]) * (p - px[i - 1]) / (px[i] - px[i - 1]);
                // floor, not round: a probability just under a cut point must not display the next level's score
                return (int) Math.floor(s);
            }
        }
        return 100;
    }

    /** The level from the probability alone: consistent with {@link #riskScore} by construction. */
    public RiskLevel level(double p) {
        return RiskLevel.ofScore(riskScore(p));
    }

    public boolean alert(double p) {
        return p >= alertThreshold;
    }
}
