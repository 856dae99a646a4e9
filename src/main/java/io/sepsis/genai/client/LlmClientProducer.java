package io.sepsis.genai.client;

import jakarta.enterprise.inject.Disposes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.sepsis.security.secrets.SecretsService;

/** The active {@link LlmClient}, chosen by {@code genai.provider} ({@code LLM_PROVIDER}). */
@Singleton
public class LlmClientProducer {

    @Produces
    @Singleton
    LlmClient llmClient(LlmConfig config,
                        @ConfigProperty(name = LlmConfig.PROVIDER, defaultValue = "none") String provider,
                        @ConfigProperty(name = LlmConfig.DEADLINE, defaultValue = "8s") Duration deadline,
                        SecretsService secrets) {
        LlmSettings settings = settings(config, provider, deadline);
        return LlmClients.create(settings,
                keySource(secrets, SecretsService.AZURE_OPENAI_API_KEY, settings.azure().apiKey()),
                keySource(secrets, SecretsService.OPENAI_API_KEY, settings.openAi().apiKey()));
    }

    /** The secret's latest key when its *_SECRET_ID is set (the environment's key until it first loads), else fixed. */
    public static ApiKeySource keySource(SecretsService secrets, String secret, String environmentKey) {
        return secrets.configured(secret)
                ? ApiKeySource.rotating(() -> secrets.latest(secret).orElse(environmentKey))
                : ApiKeySource.fixed(environmentKey);
    }

    void close(@Disposes LlmClient client) {
        client.close();
    }

    static LlmSettings settings(LlmConfig c, String provider, Duration deadline) {
        return new LlmSettings(
                provider,
                new LlmSettings.Generation(c.temperature(), c.maxOutputTokens(), deadline, c.maxConcurrentCalls(),
                        c.maxCompletionTokensField()),
                new LlmSettings.Azure(c.azureOpenai().endpoint().orElse(null), c.azureOpenai().apiKey().orElse(null),
                        c.azureOpenai().deployment().orElse(null), c.azureOpenai().apiVersion(),
                        c.azureOpenai().jsonMode()),
                new LlmSettings.Bedrock(c.bedrock().modelId().orElse(null), c.bedrock().region().orElse(null),
                        c.bedrock().endpointOverride().orElse(null)),
                new LlmSettings.OpenAi(c.openai().baseUrl().orElse(null), c.openai().apiKey().orElse(null),
                        c.openai().model().orElse(null), c.openai().jsonMode()));
    }
}
