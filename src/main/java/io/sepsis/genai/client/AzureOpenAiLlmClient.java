package io.sepsis.genai.client;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code LLM_PROVIDER=azure-openai}. LangChain4j's OpenAI chat model pointed at the Azure deployment path, with the
 * key in Azure's {@code api-key} header and the {@code api-version} query parameter: the wire format of Azure OpenAI
 * chat completions, without the Azure SDK (which refuses key credentials over plain HTTP, so it cannot be tested
 * against a local fake, and whose timeouts are fixed per client). JSON mode ({@code response_format=json_object}).
 * The key is read for every request ({@link ApiKeySource}): a key rotated in Secrets Manager is used from the next
 * call on.
 */
public final class AzureOpenAiLlmClient extends ChatModelLlmClient {

    public static final String PROVIDER = "azure-openai";

    private final ApiKeySource key;

    public AzureOpenAiLlmClient(LlmSettings.Azure azure, LlmSettings.Generation generation) {
        this(azure, generation, ApiKeySource.fixed(azure.apiKey()));
    }

    public AzureOpenAiLlmClient(LlmSettings.Azure azure, LlmSettings.Generation generation, ApiKeySource key) {
        super(PROVIDER, azure.deployment(), model(azure, generation, key), generation.maxConcurrentCalls());
        this.key = key;
    }

    @Override
    void checkCallable() throws LlmException {
        if (key.get().isEmpty()) {
            throw new LlmException(LlmException.Reason.UNAVAILABLE,
                    "API key not loaded yet (AZURE_OPENAI_API_KEY_SECRET_ID)");
        }
    }

    static String deploymentBaseUrl(LlmSettings.Azure azure) {
        return OpenAiCompatibleLlmClient.stripTrailingSlashes(azure.endpoint()) + "/openai/deployments/"
                + URLEncoder.encode(azure.deployment(), StandardCharsets.UTF_8);
    }

    private static OpenAiChatModel model(LlmSettings.Azure azure, LlmSettings.Generation generation,
                                         ApiKeySource key) {
        // Azure routes by deployment; the model name is informational
        return OpenAiCompatibleLlmClient.protocol(deploymentBaseUrl(azure), azure.deployment(), generation,
                        azure.jsonMode())
                .customHeaders(() -> Map.of("api-key", key.get())) // per request: rotation needs no rebuild
                .customQueryParams(Map.of("api-version", azure.apiVersion()))
                .build();
    }
}
