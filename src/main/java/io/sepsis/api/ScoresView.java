package io.sepsis.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.clinical.score.ScoreResult;

import java.util.List;

/** Wire format of the clinical scores, the same in both pathways ({@code clinical_scores}). */
public record ScoresView(Score qsofa, Score sirs, Score sofa, Score news2) {

    public record Score(int score, @JsonProperty("max_score") int maxScore, List<String> components,
                        List<String> missing, String interpretation, boolean partial) {
        public static Score of(ScoreResult r) {
            return new Score(r.score(), r.maxScore(), r.componentsFired(), r.missingInputs(), r.interpretation(),
                    r.partial());
        }
    }

    public static ScoresView of(ClinicalScores s) {
        return new ScoresView(Score.of(s.qsofa()), Score.of(s.sirs()), Score.of(s.sofa()), Score.of(s.news2()));
    }
}
