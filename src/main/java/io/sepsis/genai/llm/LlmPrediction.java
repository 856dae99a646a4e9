package io.sepsis.genai.llm;

import java.util.Arrays;
import java.util.List;
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
    public interface Labelled {
        String label();
    }

    public enum ConfidenceLevel implements Labelled {
        HIGH("High"), MEDIUM("Medium"), LOW("Low");

        private final String label;

        ConfidenceLevel(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum Priority implements Labelled {
        CRITICAL("Critical"), HIGH("High"), STANDARD("Standard");

        private final String label;

        Priority(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum SepsisProbability6h implements Labelled {
        HIGH("High"), MODERATE("Moderate"), LOW("Low");

        private final String label;

        SepsisProbability6h(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum TrendVelocity implements Labelled {
        IMPROVING("Improving"), STABLE("Stable"), DETERIORATING("Deteriorating");

        private final String label;

        TrendVelocity(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The constant whose label is exactly {@code text} (case-sensitive, as the prompt spells it). */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(text)).findFirst();
    }
}
