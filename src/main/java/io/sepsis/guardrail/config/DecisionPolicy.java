package io.sepsis.guardrail.config;

import io.sepsis.guardrail.AlertLevel;
import io.sepsis.guardrail.Priority;
import io.sepsis.guardrail.Probability6h;
import io.sepsis.guardrail.WireName;

import java.util.List;
import java.util.Optional;

/**
 * How an assessment turns into the final risk, priority, 6-hour probability and alert (section {@code decision} of
 * the configuration). Everything here only ever raises the starting risk; see {@code GuardrailEngine.decide}.
 *
 * @param levels the three alert levels, highest first (CRITICAL, HIGH, STANDARD)
 */
public record DecisionPolicy(Override override, List<Floor> floors, int nearMissFrom, int nearMissTo,
                             List<LevelSpec> levels) {

    public DecisionPolicy {
        floors = List.copyOf(floors);
        levels = List.copyOf(levels);
    }

    /**
     * Any breached trigger rule ({@code on} contains trigger_rules) or met trigger criterion (trigger_criteria) while
     * the starting risk is below {@code whenRiskBelow}: risk becomes {@code riskScore} with {@code priority} and
     * {@code probability}.
     */
    public record Override(boolean onTriggerRules, boolean onTriggerCriteria, int whenRiskBelow, int riskScore,
                           Priority priority, Probability6h probability, String rationale, String source) {
    }

    /** What a floor reacts to. */
    public enum FloorKind implements WireName {
        EARLY_WARNING_PATTERN("early_warning_pattern"), NOTES_DISCORDANCE("notes_discordance"), QSOFA("qsofa"),
        RULES("rules");

        private final String wire;

        FloorKind(String wire) {
            this.wire = wire;
        }

        @java.lang.Override
        public String wire() {
            return wire;
        }

        public static Optional<FloorKind> ofWire(String s) {
            return WireName.exact(FloorKind.class, s);
        }
    }

    /**
     * When its signal fired (and the running risk is below {@code whenRiskBelow}, if set), risk becomes at least
     * {@code minRiskScore} and priority at least {@code minPriority}. {@code select} narrows the signal: pattern ids,
     * notes category ids or rule ids (empty = any pattern / any category); {@code minQsofa} is for {@code qsofa}.
     */
    public record Floor(String id, FloorKind on, Integer whenRiskBelow, int minRiskScore, Priority minPriority,
                        List<String> select, int minQsofa, String rationale, String source) {
        public Floor {
            select = List.copyOf(select);
        }
    }

    /** One alert level: from {@code minRiskScore} up, with its priority, allowed 6-hour probabilities and action. */
    public record LevelSpec(AlertLevel level, String color, int minRiskScore, Priority priority,
                            List<Probability6h> probabilities, String actionRequired) {
        public LevelSpec {
            probabilities = List.copyOf(probabilities);
        }

        public boolean allows(Probability6h p) {
            return probabilities.contains(p);
        }

        public Probability6h lowestProbability() {
            Probability6h min = probabilities.get(0);
            for (Probability6h p : probabilities) {
                if (p.ordinal() < min.ordinal()) {
                    min = p;
                }
            }
            return min;
        }

        public Probability6h highestProbability() {
            Probability6h max = probabilities.get(0);
            for (Probability6h p : probabilities) {
                if (p.ordinal() > max.ordinal()) {
                    max = p;
                }
            }
            return max;
        }
    }

    /** The level a risk score falls in. */
    public LevelSpec levelOf(int risk) {
        for (LevelSpec l : levels) {
            if (risk >= l.minRiskScore()) {
                return l;
            }
        }
        return levels.get(levels.size() - 1);
    }

    public LevelSpec spec(AlertLevel level) {
        for (LevelSpec l : levels) {
            if (l.level() == level) {
                return l;
            }
        }
        throw new IllegalStateException("no alert level " + level);
    }

    /** The alert level whose priority this is (validated one-to-one). */
    public AlertLevel levelOf(Priority p) {
        for (LevelSpec l : levels) {
            if (l.priority() == p) {
                return l.level();
            }
        }
        throw new IllegalStateException("no alert level for priority " + p);
    }
}
