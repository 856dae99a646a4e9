package io.sepsis.genai.client;

import java.time.Duration;

/**
 * One chat completion against the configured LLM provider: a system message and one user message in, the model's
 * text out. Implementations are thin adapters over LangChain4j chat models; they never retry (the caller owns the
 * retry and deadline policy, see {@code io.sepsis.genai.llm.LlmAssessor}) and never log prompt or answer text.
 *
 * <p>Thread-safe. {@link #complete} returns or throws within {@code timeout} (plus a few milliseconds of scheduling):
 * a slow provider is abandoned, not waited for.
 */
public interface LlmClient extends AutoCloseable {

    /** {@code azure-openai}, {@code bedrock}, {@code openai-compatible} or {@code none}. */
    String provider();

    /** Deployment name, model id or model name as configured; empty for {@code none}. */
    String model();

    /**
     * @param system  the system prompt (may be blank: then no system message is sent)
     * @param user    the user message, sent unchanged
     * @param timeout the whole budget for this call; must be positive
     * @throws LlmException whose {@link LlmException#reason()} classifies the failure; its message never contains
     *                      provider response text
     */
    LlmReply complete(String system, String user, Duration timeout) throws LlmException;

    /** Releases threads and connections. */
    @Override
    default void close() {
    }
}
