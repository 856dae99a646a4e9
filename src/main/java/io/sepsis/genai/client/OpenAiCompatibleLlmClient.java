package io.sepsis.genai.client;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;

/**
 * {@code LLM_PROVIDER=openai-compatible}: any server speaking OpenAI's {@code /v1/chat/completions} (vLLM, Ollama,
 * LM Studio, OpenAI). {@code OPENAI_BASE_URL} includes the {@code /v1}; the key is optional (sent as a Bearer token
 * when set). JSON mode ({@code response_format=json_object}) unless turned off for servers that reject it. The key
 * is read for every request ({@link ApiKeySource}): a key rotated in Secrets Manager is used from the next call on.
 */
public final class OpenAiCompatibleLlmClient extends ChatModelLlmClient {

    public static final String PROVIDER = "openai-compatible";

    private final ApiKeySource key;

    public OpenAiCompatibleLlmClient(LlmSettings.OpenAi openAi, LlmSettings.Generation generation) {
        this(openAi, generation, ApiKeySource.fixed(openAi.apiKey()));
    }

    public OpenAiCompatibleLlmClient(LlmSettings.OpenAi openAi, LlmSettings.Generation generation, ApiKeySource key) {
        super(PROVIDER, openAi.model(), model(openAi, generation, key), generation.maxConcurrentCalls());
        this.key = key;
    }

    /** A fixed key is optional (key-less local servers); a key from a secret is expected once configured. */
    @Override
    void checkCallable() throws LlmException {
        if (key.rotating() && key.get().isEmpty()) {
            throw new LlmException(LlmException.Reason.UNAVAILABLE,
                    "API key not loaded yet (OPENAI_API_KEY_SECRET_ID)");
        }
    }

    private static OpenAiChatModel model(LlmSettings.OpenAi openAi, LlmSettings.Generation generation,
                                         ApiKeySource key) {
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
        // Bearer key per request (rotation needs no rebuild); none at all for key-less servers.
        builder.customHeaders(() -> {
            String k = key.get();
            return k.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + k);
        });
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
