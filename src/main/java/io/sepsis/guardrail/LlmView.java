package io.sepsis.guardrail;

/**
 * The LLM's answer as far as the decision needs it, already validated (the GenAI pathway's output validator
 * accepts only the contract's exact spellings). A null {@code priority} or {@code probability6h} is derived from
 * the risk instead; {@code riskScore} is clamped to 0-100.
 */
public record LlmView(int riskScore, Priority priority, Probability6h probability6h) {
}
