package io.sepsis.clinical.score;

import io.sepsis.clinical.Observation;
import java.util.Objects;

/**
 * The four bedside scores for one observation, computed on every request. Each is partial when inputs are missing
 * (see {@link ScoreResult#missingInputs()}).
 */
public record ClinicalScores(ScoreResult qsofa, ScoreResult sirs, ScoreResult sofa, ScoreResult news2) {

    public ClinicalScores {
        Objects.requireNonNull(qsofa, "qsofa");
        Objects.requireNonNull(sirs, "sirs");
        Objects.requireNonNull(sofa, "sofa");
        Objects.requireNonNull(news2, "news2");
    }

    /** All four scores from measured values only. */
    public static ClinicalScores compute(Observation o) {
        return compute(o, false);
    }

    /**
     * All four scores; {@code alteredMentationFromNotes} (new confusion found in clinical notes) meets qSOFA's
     * altered mentation and scores NEWS2 consciousness 3. SIRS and SOFA do not use it (SOFA CNS needs a GCS).
     */
    public static ClinicalScores compute(Observation o, boolean alteredMentationFromNotes) {
        return new ClinicalScores(QSofa.evaluate(o, alteredMentationFromNotes), Sirs.evaluate(o), Sofa.evaluate(o),
                News2.evaluate(o, alteredMentationFromNotes));
    }
}
