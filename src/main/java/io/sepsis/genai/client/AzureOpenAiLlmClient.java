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
 */
public final class AzureOpenAiLlmClient extends ChatModelLlmClient {

    public static final String PROVIDER = "azure-openai";

    public AzureOpenAiLlmClient(LlmSettings.Azure azure, LlmSettings.Generation generation) {
        super(PROVIDER, azure.deployment(), model(azure, generation), generation.maxConcurrentCalls());
    }

    static String deploymentBaseUrl(LlmSettings.Azure azure) {
        String endpoint = azure.endpoint().strip();
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        return endpoint + "/openai/deployments/" + URLEncoder.encode(azure.deployment(), StandardCharsets.UTF_8);
    }

    private static OpenAiChatModel model(LlmSettings.Azure azure, LlmSettings.Generation generation) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(DeadlineHttpClient.builder())
                .baseUrl(deploymentBaseUrl(azure))
                .customHeaders(Map.of("api-key", azure.apiKey()))
                .customQueryParams(Map.of("api-version", azure.apiVersion()))
                .modelName(azure.deployment()) // Azure routes by deployment; the field is informational
                .timeout(generation.maxCallTimeout())
                .maxRetries(0); // retries are the assessor's, within the decision deadline
        if (generation.maxCompletionTokensField()) {
            builder.maxCompletionTokens(generation.maxOutputTokens());
        } else {
            builder.maxTokens(generation.maxOutputTokens());
        }
        generation.temperature().ifPresent(builder::temperature);
        if (azure.jsonMode()) {
            builder.responseFormat("json_object");
        }
        return builder.build();
    }
}
