package io.sepsis.clinical.score;

import java.util.List;
import java.util.Objects;

/**
 * One clinical score computed from one observation.
 *
 * <p>The score counts only the components whose inputs were available: inputs the score needed but that were not
 * measured are named in {@code missingInputs} (as {@link io.sepsis.clinical.Field} names, e.g. {@code "GCS"}), and
 * a non-empty list means the score is partial. Points never decrease when an input is added, so a partial score is
 * a lower bound of the full one.
 *
 * @param name            the score's usual name: "qSOFA", "SIRS", "SOFA" or "NEWS2"
 * @param score           points from the available inputs
 * @param maxScore        the maximum of the score's scale (3, 4, 24, 20)
 * @param componentsFired the components that contributed points, worded for a clinician ("Resp >= 22/min",
 *                        "platelets < 50 (3 pts)")
 * @param missingInputs   {@link io.sepsis.clinical.Field} names the score needed but that were not measured
 * @param interpretation  the score's band ("high risk", "SIRS criteria met"), marked when partial
 */
public record ScoreResult(String name, int score, int maxScore, List<String> componentsFired,
        List<String> missingInputs, String interpretation) {

    /** Appended to an interpretation when inputs were missing. */
    static final String PARTIAL = " (partial: missing inputs could raise it)";

    public ScoreResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interpretation, "interpretation");
        componentsFired = List.copyOf(componentsFired); // no copy when already unmodifiable (List.of)
        missingInputs = List.copyOf(missingInputs);
        if (score < 0 || score > maxScore) {
            throw new IllegalArgumentException(name + " score " + score + " outside 0.." + maxScore);
        }
    }

    /** True when an input the score needed was not measured: the score is then a lower bound. */
    public boolean partial() {
        return !missingInputs.isEmpty();
    }
}
