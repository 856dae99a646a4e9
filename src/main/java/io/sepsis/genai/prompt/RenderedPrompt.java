package io.sepsis.genai.prompt;

/**
 * The two messages sent to the LLM and the version of the prompt file they came from (reported in the response as
 * {@code prompt_version}).
 */
public record RenderedPrompt(String system, String user, String version) {
}
