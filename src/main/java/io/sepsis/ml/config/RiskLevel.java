package io.sepsis.ml.config;

/** Risk levels of the ML pathway, in increasing order, with the risk_score at which each one starts. */
public enum RiskLevel {
    LOW(0), MODERATE(25), HIGH(50), CRITICAL(80);

    /** risk_score (0-100) at the level's lower boundary; the same scale as the GenAI pathway's alert mapping. */
    public final int scoreFrom;

    RiskLevel(int scoreFrom) {
        this.scoreFrom = scoreFrom;
    }

    public static RiskLevel ofScore(int score) {
        RiskLevel out = LOW;
        for (RiskLevel l : values()) {
            if (score >= l.scoreFrom) {
                out = l;
            }
        }
        return out;
    }
}
