package io.sepsis.genai.client;

import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * {@code LLM_PROVIDER=bedrock}: LangChain4j's {@link BedrockChatModel} on the Converse API
 * ({@code POST /model/{modelId}/converse}, SigV4-signed). Credentials come from the AWS default chain (environment,
 * App Runner / ECS task role, ...). The SDK's own retries are off (the assessor retries within its deadline) and
 * every request carries the time left on its call as its API-call timeout. The Converse API has no JSON mode: the
 * prompt and the output validator carry the format.
 */
public final class BedrockLlmClient extends ChatModelLlmClient {

    public static final String PROVIDER = "bedrock";

    public BedrockLlmClient(LlmSettings.Bedrock bedrock, LlmSettings.Generation generation) {
        this(bedrock, generation, DefaultCredentialsProvider.builder().build());
    }

    /** With explicit credentials (tests use static dummy keys against a local fake). */
    public BedrockLlmClient(LlmSettings.Bedrock bedrock, LlmSettings.Generation generation,
                            AwsCredentialsProvider credentials) {
        super(PROVIDER, bedrock.modelId(), model(bedrock, generation, credentials), generation.maxConcurrentCalls());
    }

    private static BedrockChatModel model(LlmSettings.Bedrock bedrock, LlmSettings.Generation generation,
                                          AwsCredentialsProvider credentials) {
        var sdk = BedrockRuntimeClient.builder()
                .region(Region.of(bedrock.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c
                        .apiCallTimeout(generation.maxCallTimeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (bedrock.endpointOverride() != null && !bedrock.endpointOverride().isBlank()) {
            sdk.endpointOverride(URI.create(bedrock.endpointOverride().strip()));
        }
        BedrockChatRequestParameters.Builder parameters = BedrockChatRequestParameters.builder()
                .maxOutputTokens(generation.maxOutputTokens());
        generation.temperature().ifPresent(parameters::temperature);
        return BedrockChatModel.builder()
                .client(new DeadlineBedrockClient(sdk.build(), generation.maxCallTimeout()))
                .region(Region.of(bedrock.region()))
                .modelId(bedrock.modelId())
                .defaultRequestParameters(parameters.build())
                .maxRetries(0)
                .build();
    }

    /** Gives each Converse request the time left on its call as the SDK's API-call timeout. */
    private static final class DeadlineBedrockClient implements BedrockRuntimeClient {

        private final BedrockRuntimeClient delegate;
        private final Duration max;

        DeadlineBedrockClient(BedrockRuntimeClient delegate, Duration max) {
            this.delegate = delegate;
            this.max = max;
        }

        @Override
        public ConverseResponse converse(ConverseRequest request) {
            Duration budget = CallDeadline.remainingOr(max);
            return delegate.converse(request.toBuilder()
                    .overrideConfiguration(o -> o.apiCallTimeout(budget))
                    .build());
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
