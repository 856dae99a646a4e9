package io.sepsis.genai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.LlmAnswers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rotating provider key (from a refreshed secret) is read at every call: the next request after a rotation carries
 * the new key, on the same client, without a restart; a key not loaded yet fails fast without touching the network.
 */
class RotatingKeyWireTest {
    static final LlmSettings.Generation GEN = LlmSettings.Generation.defaults(Duration.ofSeconds(5));
    static final String USER = "Assess this patient.";

    WireMockServer wm;
    final AtomicReference<String> key = new AtomicReference<>();

    /** An OpenAI-protocol chat completion answering the contract JSON. */
    static String completion() throws Exception {
        return LlmAnswers.openAiCompletion("m", LlmAnswers.VALID, 1, 1);
    }

    @BeforeEach
    void start() throws Exception {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion())));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    String base() {
        return "http://127.0.0.1:" + wm.port();
    }

    List<String> sent(String header) {
        return wm.findAll(postRequestedFor(urlPathMatching(".*/chat/completions"))).stream()
                .map((LoggedRequest r) -> r.getHeader(header)).toList();
    }

    @Test
    void azure_sends_the_key_current_at_each_call() throws Exception {
        key.set("test-azure-key-1");
        try (LlmClient client = new AzureOpenAiLlmClient(
                new LlmSettings.Azure(base(), null, "gpt-4o", "2024-10-21", true), GEN,
                ApiKeySource.rotating(key::get))) {
            client.complete("", USER, Duration.ofSeconds(2));
            key.set("test-azure-key-2");
            client.complete("", USER, Duration.ofSeconds(2));
        }
        assertEquals(List.of("test-azure-key-1", "test-azure-key-2"), sent("api-key"));
    }

    @Test
    void openai_compatible_sends_the_current_bearer_key() throws Exception {
        key.set("test-openai-key-1");
        try (LlmClient client = new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(base() + "/v1", null, "m", true),
                GEN, ApiKeySource.rotating(key::get))) {
            client.complete("", USER, Duration.ofSeconds(2));
            key.set("test-openai-key-2");
            client.complete("", USER, Duration.ofSeconds(2));
        }
        assertEquals(List.of("Bearer test-openai-key-1", "Bearer test-openai-key-2"), sent("Authorization"));
    }

    @Test
    void a_rotating_key_not_loaded_yet_fails_fast_as_unavailable_without_a_request() throws Exception {
        try (LlmClient azure = new AzureOpenAiLlmClient(new LlmSettings.Azure(base(), null, "d", "2024-10-21", true),
                GEN, ApiKeySource.rotating(key::get));
             LlmClient openAi = new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(base() + "/v1", null, "m", true),
                     GEN, ApiKeySource.rotating(key::get))) {
            for (LlmClient client : List.of(azure, openAi)) {
                LlmException e = assertThrows(LlmException.class, () -> client.complete("", USER,
                        Duration.ofSeconds(2)));
                assertEquals(LlmException.Reason.UNAVAILABLE, e.reason());
            }
            assertEquals(0, sent("api-key").size(), "no request without a key");

            key.set("test-azure-key-1");
            azure.complete("", USER, Duration.ofSeconds(2));
            assertEquals(List.of("test-azure-key-1"), sent("api-key"));
        }
    }

    @Test
    void a_key_from_a_secret_is_not_a_missing_setting_at_start() {
        LlmSettings settings = new LlmSettings("azure-openai", GEN,
                new LlmSettings.Azure("https://x.openai.azure.com", null, "gpt-4o", "2024-10-21", true),
                new LlmSettings.Bedrock(null, null, null), new LlmSettings.OpenAi(null, null, null, true));
        try (LlmClient fixed = LlmClients.create(settings);
             LlmClient rotating = LlmClients.create(settings, ApiKeySource.rotating(key::get),
                     ApiKeySource.fixed(null))) {
            assertEquals(List.of("AZURE_OPENAI_API_KEY is not set"),
                    assertInstanceOf(UnconfiguredLlmClient.class, fixed).problems());
            assertInstanceOf(AzureOpenAiLlmClient.class, rotating);
        }
    }

    @Test
    void keyless_fixed_openai_compatible_server_still_gets_no_authorization() throws Exception {
        try (LlmClient client = new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(base() + "/v1", " ", "m", true),
                GEN)) {
            client.complete("", USER, Duration.ofSeconds(2));
        }
        assertNull(sent("Authorization").get(0));
    }
}
