package io.sepsis.genai.client;

import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * {@code LLM_PROVIDER=openai-compatible}: any server speaking OpenAI's {@code /v1/chat/completions} (vLLM, Ollama,
 * LM Studio, OpenAI). {@code OPENAI_BASE_URL} includes the {@code /v1}; the key is optional (sent as a Bearer token
 * when set). JSON mode ({@code response_format=json_object}) unless turned off for servers that reject it.
 */
public final class OpenAiCompatibleLlmClient extends ChatModelLlmClient {

    public static final String PROVIDER = "openai-compatible";

    public OpenAiCompatibleLlmClient(LlmSettings.OpenAi openAi, LlmSettings.Generation generation) {
        super(PROVIDER, openAi.model(), model(openAi, generation), generation.maxConcurrentCalls());
    }

    private static OpenAiChatModel model(LlmSettings.OpenAi openAi, LlmSettings.Generation generation) {
        String baseUrl = openAi.baseUrl().strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(DeadlineHttpClient.builder())
                .baseUrl(baseUrl)
                .modelName(openAi.model())
                .timeout(generation.maxCallTimeout())
                .maxRetries(0);
        if (openAi.apiKey() != null && !openAi.apiKey().isBlank()) {
            builder.apiKey(openAi.apiKey());
        }
        if (generation.maxCompletionTokensField()) {
            builder.maxCompletionTokens(generation.maxOutputTokens());
        } else {
            builder.maxTokens(generation.maxOutputTokens());
        }
        generation.temperature().ifPresent(builder::temperature);
        if (openAi.jsonMode()) {
            builder.responseFormat("json_object");
        }
        return builder.build();
    }
}
