package io.sepsis.security.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.sepsis.genai.client.AzureOpenAiLlmClient;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmClientProducer;
import io.sepsis.genai.client.LlmSettings;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.security.ApiKeyMatcher;
import io.sepsis.security.ApiKeys;

/**
 * The whole path of an LLM key rotation: new version in Secrets Manager (stand-in) -> refresh -> the next Azure
 * OpenAI request (WireMock) carries the new {@code api-key}, on the same client, no restart. Until the secret first
 * loads, the environment's key is used.
 */
class LlmKeyFromSecretWireTest {
    static final String SECRET = "sepsis-ews/azure-openai";

    @Test
    void a_key_rotated_in_secrets_manager_is_sent_on_the_next_llm_call() throws Exception {
        WireMockServer llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        try (SecretsManagerStandIn aws = new SecretsManagerStandIn()) {
            llm.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(completion())));
            var config = new SecretsRefreshWireTest.Config(Optional.empty(), Optional.of(SECRET), Optional.empty(),
                    Duration.ofHours(1), Optional.of(SecretsManagerStandIn.REGION), Optional.of(aws.endpoint()));
            SecretsService secrets = new SecretsService(config, new ApiKeys(ApiKeyMatcher.none()),
                    SecretsRefreshWireTest.credentials(SecretsManagerStandIn.CREDENTIALS, new AtomicInteger()),
                    new SimpleMeterRegistry());
            var settings = new LlmSettings.Azure("http://127.0.0.1:" + llm.port(), "test-env-azure-key", "gpt-4o",
                    "2024-10-21", true);
            try (LlmClient client = new AzureOpenAiLlmClient(settings,
                    LlmSettings.Generation.defaults(Duration.ofSeconds(5)),
                    LlmClientProducer.keySource(secrets, SecretsService.AZURE_OPENAI_API_KEY, settings.apiKey()))) {
                client.complete("", "Assess.", Duration.ofSeconds(2)); // secret not read yet: environment key

                aws.put(SECRET, "test-azure-key-1");
                secrets.start(new StartupEvent());
                client.complete("", "Assess.", Duration.ofSeconds(2));

                aws.put(SECRET, "{\"AZURE_OPENAI_API_KEY\": \"test-azure-key-2\"}");
                client.complete("", "Assess.", Duration.ofSeconds(2)); // not refreshed yet: still key 1
                secrets.refreshNow();
                client.complete("", "Assess.", Duration.ofSeconds(2));

                aws.fail(SECRET, 500, "InternalServiceError");
                secrets.refreshNow();
                client.complete("", "Assess.", Duration.ofSeconds(2)); // outage: last good key
            } finally {
                secrets.stop();
            }
            List<String> sent = llm.findAll(postRequestedFor(urlPathMatching(".*/chat/completions"))).stream()
                    .map(r -> r.getHeader("api-key")).toList();
            assertEquals(List.of("test-env-azure-key", "test-azure-key-1", "test-azure-key-1", "test-azure-key-2",
                    "test-azure-key-2"), sent);
        } finally {
            llm.stop();
        }
    }

    static String completion() throws Exception {
        return LlmAnswers.openAiCompletion("gpt-4o", LlmAnswers.VALID, 1, 1);
    }
}
