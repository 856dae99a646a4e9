package io.sepsis.guardrail;

import java.util.List;

/**
 * The final answer: risk, priority, 6-hour probability and alert are always consistent with each other (the alert
 * level is the one of the risk score, the priority is that level's, the probability one the level allows).
 *
 * @param riskScore           final 0-100 risk: never below the starting risk
 * @param guardrailOverride   the trigger override applied (a trigger rule or trigger criterion while the starting
 *                            risk was below the override threshold)
 * @param overrideReasons     every breached trigger rule and met trigger criterion, ALWAYS listed, even when the
 *                            LLM was already at or above the override threshold and nothing had to be overridden
 * @param overrideRuleIds     ids of the trigger rules and criteria behind an applied override; empty without one
 * @param escalations         other raises applied, one line each (early-warning pattern, notes discordance, qSOFA,
 *                            LLM priority or probability above what its risk said)
 * @param escalatedBy         the id of each escalation, in the same order (a floor's id, {@code llm_priority},
 *                            {@code llm_probability})
 * @param llmInitialRiskScore the LLM's own risk score (clamped), or null when no LLM answer was used
 * @param basis               where the starting risk came from
 * @param startingRiskScore   the LLM's risk, or the deterministic baseline when the LLM was unavailable
 * @param nearMiss            LLM risk within the configured near-miss band (75-79) and no override: for audit
 * @param guardrailVersion    the configuration that decided
 */
public record GuardrailDecision(int riskScore, Priority priority, Probability6h sepsisProbability6h,
                                AlertLevel alertLevel, String alertColor, String actionRequired,
                                boolean guardrailOverride, List<String> overrideReasons, List<String> overrideRuleIds,
                                List<String> escalations, List<String> escalatedBy, Integer llmInitialRiskScore, Basis basis, int startingRiskScore, boolean nearMiss,
                                String guardrailVersion) {

    /** Where the starting risk came from. */
    public enum Basis { LLM, DETERMINISTIC_BASELINE }

    public GuardrailDecision {
        overrideReasons = List.copyOf(overrideReasons);
        overrideRuleIds = List.copyOf(overrideRuleIds);
        escalations = List.copyOf(escalations);
        escalatedBy = List.copyOf(escalatedBy);
    }

    /** True when the guardrail changed anything (risk, or priority above what the starting risk implied). */
    public boolean raised() {
        return guardrailOverride || !escalations.isEmpty() || riskScore > startingRiskScore;
    }
}
