package io.sepsis.genai.client;

import java.time.Duration;
import java.util.List;

/**
 * A provider was chosen but its settings are incomplete (say {@code AZURE_OPENAI_ENDPOINT} unset), or
 * {@code LLM_PROVIDER} names no known provider. The service still starts, since the ML pathway and the guardrail do not
 * need the LLM; every call fails at once as {@code UNAVAILABLE} without touching the network, and
 * {@code /genai-health} reports the problems (names of settings, never their values).
 */
public final class UnconfiguredLlmClient implements LlmClient {

    private final String provider;
    private final String model;
    private final List<String> problems;

    public UnconfiguredLlmClient(String provider, String model, List<String> problems) {
        this.provider = provider;
        this.model = model == null ? "" : model;
        this.problems = List.copyOf(problems);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public LlmReply complete(String system, String user, Duration timeout) throws LlmException {
        throw new LlmException(LlmException.Reason.UNAVAILABLE, "provider not configured");
    }
}
