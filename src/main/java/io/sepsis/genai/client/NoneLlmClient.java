package io.sepsis.genai.client;

import java.time.Duration;

/** {@code LLM_PROVIDER=none} (the default): no LLM; the GenAI pathway answers with the deterministic guardrail. */
public final class NoneLlmClient implements LlmClient {

    public static final String PROVIDER = "none";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String model() {
        return "";
    }

    @Override
    public LlmReply complete(String system, String user, Duration timeout) throws LlmException {
        throw new LlmException(LlmException.Reason.UNAVAILABLE, "LLM disabled (LLM_PROVIDER=none)");
    }
}
