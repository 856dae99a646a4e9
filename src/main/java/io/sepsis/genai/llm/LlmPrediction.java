package io.sepsis.genai.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The LLM's answer after {@link LlmOutputValidator} accepted it: every field of the contract JSON present, typed and
 * in range (docs API-CONTRACT, "What the LLM is asked to return"). A value of this type never carries a defaulted
 * field: a missing risk score makes the answer invalid, it is never read as 0.
 */
public record LlmPrediction(Prediction prediction, ClinicalMetrics clinicalMetrics, LogicGate logicGate) {

    /** {@code prediction}. */
    public record Prediction(int riskScore, ConfidenceLevel confidenceLevel, String confidenceReasoning,
                             Priority priority, SepsisProbability6h sepsisProbability6h, String clinicalRationale) {
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

    /** An enum of the contract whose JSON spelling is {@link #label()}. */
    /** The contract's spelling of each constant: its name with only the first letter upper-case ("Deteriorating"). */
    public interface Labelled {
        String name();

        default String label() {
            String n = name();
            return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
        }
    }

    public enum ConfidenceLevel implements Labelled { HIGH, MEDIUM, LOW }

    public enum Priority implements Labelled { CRITICAL, HIGH, STANDARD }

    public enum SepsisProbability6h implements Labelled { HIGH, MODERATE, LOW }

    public enum TrendVelocity implements Labelled { IMPROVING, STABLE, DETERIORATING }

    /** The constant whose label is exactly {@code text} (case-sensitive, as the prompt spells it). */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(text)).findFirst();
    }
}
