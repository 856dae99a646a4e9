package io.sepsis.genai.client;

/**
 * What the model answered. {@code text} is the raw assistant text (never null, possibly empty); token counts are 0
 * when the provider did not report them; {@code latencyMs} is wall time of this one call.
 */
public record LlmReply(String text, int inputTokens, int outputTokens, long latencyMs) {

    public LlmReply {
        text = text == null ? "" : text;
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
        latencyMs = Math.max(0, latencyMs);
    }
}
