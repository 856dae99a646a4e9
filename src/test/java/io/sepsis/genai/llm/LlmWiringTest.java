package io.sepsis.genai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.OpenAiCompatibleLlmClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The CDI producer picks the provider named by {@code genai.provider} and the assessor uses it end to end. */
@QuarkusTest
@WithTestResource(OpenAiCompatibleFakeResource.class)
class LlmWiringTest {

    @Inject
    LlmClient client;

    @Inject
    LlmAssessor assessor;

    @Test
    void configured_provider_is_the_injected_client_and_answers_through_the_assessor() {
        assertInstanceOf(OpenAiCompatibleLlmClient.class, client);
        assertEquals("openai-compatible", client.provider());
        assertEquals("fake-model", client.model());
        assertEquals(java.time.Duration.ofSeconds(3), assessor.settings().deadline(), "genai.deadline is read");
        assertEquals(5, assessor.circuitBreaker().failureThreshold(), "genai.llm.circuit.* from application.properties");
        assertEquals(java.time.Duration.ofMillis(250), assessor.settings().minCallBudget());

        var success = assertInstanceOf(LlmOutcome.Success.class, assessor.assess("Answer in JSON.", "Patient data"));
        assertEquals(82, success.prediction().riskScore());
        assertEquals(321, success.inputTokens());

        LlmHealth health = assessor.health();
        assertEquals("available", health.status());
        assertEquals("openai-compatible", health.provider());
        assertEquals(1, health.counters().successes());
    }
}
