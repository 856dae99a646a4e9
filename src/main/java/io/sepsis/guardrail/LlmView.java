package io.sepsis.guardrail;

/**
 * The LLM's answer as far as the decision needs it. {@code priority} and {@code probability6h} are read leniently
 * (case-insensitive); an unknown or null value is ignored and derived from the risk instead. {@code riskScore} is
 * clamped to 0-100.
 */
public record LlmView(int riskScore, String priority, String probability6h) {
}
