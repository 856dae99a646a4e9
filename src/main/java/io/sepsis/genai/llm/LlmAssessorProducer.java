package io.sepsis.genai.llm;

import io.quarkus.runtime.Startup;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's {@link LlmAssessor}, built at start so a misconfigured provider is reported in the boot log. */
@Singleton
public class LlmAssessorProducer {

    @Produces
    @Singleton
    @Startup
    LlmAssessor llmAssessor(LlmClient client, LlmConfig config,
                            @ConfigProperty(name = LlmConfig.DEADLINE, defaultValue = "8s") Duration deadline) {
        return new LlmAssessor(client,
                new LlmAssessor.Settings(deadline, config.retry().backoff(), config.retry().minCallBudget()),
                new CircuitBreaker(config.circuit().failureThreshold(), config.circuit().openDuration()),
                new LlmOutputValidator());
    }
}
