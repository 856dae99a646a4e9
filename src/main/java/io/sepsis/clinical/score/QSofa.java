package io.sepsis.clinical.score;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/**
 * quick SOFA (Sepsis-3: Singer M et al., JAMA 2016;315(8):801-810; Seymour CW et al., JAMA 2016;315(8):762-774):
 * respiratory rate >= 22/min, altered mentation (GCS < 15), systolic blood pressure <= 100 mmHg; one point each.
 * A score >= 2 identifies a patient with suspected infection at high risk of a poor outcome.
 */
public final class QSofa {
    public static final String NAME = "qSOFA";
    public static final int MAX = 3;

    static final String RESP = "Resp >= 22/min";
    static final String SBP = "SBP <= 100 mmHg";
    static final String MENTATION_GCS = "altered mentation (GCS < 15)";
    static final String MENTATION_NOTES = "altered mentation (new confusion in notes)";
    static final String LOW = "low risk";
    static final String HIGH = "high risk";
    private static final String LOW_PARTIAL = LOW + ScoreResult.PARTIAL;
    private static final String HIGH_PARTIAL = HIGH + ScoreResult.PARTIAL;

    private QSofa() {
    }

    public static boolean respirationMet(double resp) {
        return resp >= 22;
    }

    public static boolean systolicMet(double sbp) {
        return sbp <= 100;
    }

    public static boolean mentationMet(double gcs) {
        return gcs < 15;
    }

    /** qSOFA from measured values only (mentation from GCS). */
    public static ScoreResult evaluate(Observation o) {
        return evaluate(o, false);
    }

    /**
     * qSOFA where altered mentation is met by GCS < 15 or by new confusion found in clinical notes; GCS is reported
     * missing only when it is not measured and the notes do not report confusion.
     */
    public static ScoreResult evaluate(Observation o, boolean alteredMentationFromNotes) {
        Parts fired = new Parts(3);
        Parts missing = new Parts(3);
        int score = 0;

        double resp = o.get(Field.Resp);
        if (respirationMet(resp)) {
            score++;
            fired.add(RESP);
        } else if (Double.isNaN(resp)) {
            missing.add(Field.Resp.name());
        }

        double sbp = o.get(Field.SBP);
        if (systolicMet(sbp)) {
            score++;
            fired.add(SBP);
        } else if (Double.isNaN(sbp)) {
            missing.add(Field.SBP.name());
        }

        double gcs = o.get(Field.GCS);
        if (mentationMet(gcs)) {
            score++;
            fired.add(MENTATION_GCS);
        } else if (alteredMentationFromNotes) {
            score++;
            fired.add(MENTATION_NOTES);
        } else if (Double.isNaN(gcs)) {
            missing.add(Field.GCS.name());
        }

        boolean partial = !missing.isEmpty();
        String interpretation = score >= 2 ? (partial ? HIGH_PARTIAL : HIGH) : (partial ? LOW_PARTIAL : LOW);
        return new ScoreResult(NAME, score, MAX, fired.toList(), missing.toList(), interpretation);
    }
}
