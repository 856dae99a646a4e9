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
        OpenAiChatModel.OpenAiChatModelBuilder builder = protocol(stripTrailingSlashes(openAi.baseUrl()),
                openAi.model(), generation, openAi.jsonMode());
        // Bearer key per request (rotation needs no rebuild); none at all for key-less servers.
        builder.customHeaders(() -> {
            String k = key.get();
            return k.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + k);
        });
        return builder.build();
    }

    /**
     * The OpenAI chat-completions settings both OpenAI-protocol providers share (Azure OpenAI speaks it too): the
     * deadline-aware HTTP client, no retries of its own (retries are the assessor's, within the decision deadline),
     * the output-token limit under the field the deployment expects, temperature and JSON mode. Callers add how
     * the key travels.
     */
    static OpenAiChatModel.OpenAiChatModelBuilder protocol(String baseUrl, String modelName,
                                                           LlmSettings.Generation generation, boolean jsonMode) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(DeadlineHttpClient.builder())
                .baseUrl(baseUrl)
                .modelName(modelName)
                .timeout(generation.maxCallTimeout())
                .maxRetries(0);
        if (generation.maxCompletionTokensField()) {
            builder.maxCompletionTokens(generation.maxOutputTokens());
        } else {
            builder.maxTokens(generation.maxOutputTokens());
        }
        generation.temperature().ifPresent(builder::temperature);
        if (jsonMode) {
            builder.responseFormat("json_object");
        }
        return builder;
    }

    static String stripTrailingSlashes(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
