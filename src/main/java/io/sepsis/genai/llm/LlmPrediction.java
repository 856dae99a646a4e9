package io.sepsis.genai.llm;

import io.sepsis.guardrail.Priority;
import io.sepsis.guardrail.Probability6h;
import io.sepsis.guardrail.WireName;

import java.util.List;
import java.util.Locale;

/**
 * The LLM's answer after {@link LlmOutputValidator} accepted it: every field of the contract JSON present, typed and
 * in range (docs API-CONTRACT, "What the LLM is asked to return"). A value of this type never carries a defaulted
 * field: a missing risk score makes the answer invalid, it is never read as 0.
 */
public record LlmPrediction(Prediction prediction, ClinicalMetrics clinicalMetrics, LogicGate logicGate) {

    /** {@code prediction}. */
    public record Prediction(int riskScore, ConfidenceLevel confidenceLevel, String confidenceReasoning,
                             Priority priority, Probability6h sepsisProbability6h, String clinicalRationale) {
    }

    /** {@code clinical_metrics}. */
    public record ClinicalMetrics(int qsofaScore, boolean sirsMet, TrendVelocity trendVelocity,
                                  List<String> organStressIndicators) {
        public ClinicalMetrics {
            organStressIndicators = List.copyOf(organStressIndicators);
        }
    }

    /** {@code logic_gate}. */
    public record LogicGate(boolean discordanceDetected, String primaryDriver, List<String> missingParameters) {
        public LogicGate {
            missingParameters = List.copyOf(missingParameters);
        }
    }

    /** {@code prediction.risk_score_0_100}, 0-100. */
    public int riskScore() {
        return prediction.riskScore();
    }

    /**
     * An enum of the LLM's answer spelled as its name with only the first letter upper-case ("Deteriorating").
     * {@code priority} and {@code sepsis_probability_6h} use the guardrail's own {@link Priority} and
     * {@link Probability6h}, the same values the decision and the response carry.
     */
    public interface Labelled extends WireName {
        String name();

        @Override
        default String wire() {
            String n = name();
            return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    public enum ConfidenceLevel implements Labelled { HIGH, MEDIUM, LOW }

    public enum TrendVelocity implements Labelled { IMPROVING, STABLE, DETERIORATING }
}
