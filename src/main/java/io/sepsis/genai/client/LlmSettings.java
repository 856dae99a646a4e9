package io.sepsis.genai.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to build the active {@link LlmClient}, as plain values (tests build clients from these directly;
 * {@link LlmConfig} maps the {@code genai.*} properties onto them). {@code toString} never prints keys.
 */
public record LlmSettings(String provider, Generation generation, Azure azure, Bedrock bedrock, OpenAi openAi) {

    /**
     * @param temperature        sent when present (0 by default: the same input should give the same answer);
     *                           empty for models that reject it
     * @param maxOutputTokens    bounded answer size: the contract JSON needs a few hundred tokens
     * @param maxCallTimeout     upper bound of one call (the decision deadline); each call normally gets less
     * @param maxConcurrentCalls provider calls in flight at once, beyond which calls wait (within their budget)
     * @param maxCompletionTokensField OpenAI protocol only: send the limit as {@code max_completion_tokens} (required
     *                           by reasoning models such as o-series deployments) instead of {@code max_tokens}
     */
    public record Generation(Optional<Double> temperature, int maxOutputTokens, Duration maxCallTimeout,
                             int maxConcurrentCalls, boolean maxCompletionTokensField) {

        public Generation {
            if (maxOutputTokens < 1) {
                throw new IllegalArgumentException("genai.llm.max-output-tokens must be positive");
            }
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("genai.llm.max-concurrent-calls must be positive");
            }
        }

        public static Generation defaults(Duration maxCallTimeout) {
            return new Generation(Optional.of(0.0), 1024, maxCallTimeout, 32, false);
        }
    }

    /** Azure OpenAI: {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}. */
    public record Azure(String endpoint, String apiKey, String deployment, String apiVersion, boolean jsonMode) {
        @Override
        public String toString() {
            return "Azure[endpoint=" + endpoint + ", deployment=" + deployment + ", apiVersion=" + apiVersion
                    + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "<unset>" : "<set>") + "]";
        }
    }

    /** Amazon Bedrock Converse API; {@code endpointOverride} only for tests and VPC endpoints. */
    public record Bedrock(String modelId, String region, String endpointOverride) {
    }

    /** An OpenAI-compatible server (vLLM, Ollama, LM Studio, OpenAI itself): {@code {baseUrl}/chat/completions}. */
    public record OpenAi(String baseUrl, String apiKey, String model, boolean jsonMode) {
        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", model=" + model
                    + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "<unset>" : "<set>") + "]";
        }
    }
}
