package io.sepsis.genai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.CircuitBreaker;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmOutcome;
import io.sepsis.genai.llm.LlmOutputValidator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OpenAI-compatible servers (vLLM, Ollama, LM Studio): {@code POST {base}/chat/completions}, optional Bearer key. */
class OpenAiCompatibleWireTest extends ProviderWireScenarios {

    static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";
    static final String KEY = "test-openai-key-not-real";

    @Override
    LlmClient newClient(String baseUrl) {
        return new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(baseUrl + "/v1", KEY, MODEL, true),
                LlmSettings.Generation.defaults(Duration.ofSeconds(5)));
    }

    @Override
    MappingBuilder call() {
        return post(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + KEY));
    }

    @Override
    RequestPatternBuilder calls() {
        return postRequestedFor(urlPathEqualTo("/v1/chat/completions"));
    }

    @Override
    ResponseDefinitionBuilder ok(String text, int inputTokens, int outputTokens) {
        return jsonResponse(200, LlmAnswers.openAiCompletion(MODEL, text, inputTokens, outputTokens));
    }

    @Override
    ResponseDefinitionBuilder throttled(String retryAfterSeconds) {
        return jsonResponse(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                .withHeader("Retry-After", retryAfterSeconds);
    }

    @Override
    ResponseDefinitionBuilder serverError() {
        return jsonResponse(503, "{\"object\":\"error\",\"message\":\"engine overloaded\",\"code\":503}");
    }

    @Override
    ResponseDefinitionBuilder unauthorized() {
        return jsonResponse(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}");
    }

    @Override
    String userMessage(LoggedRequest request) throws Exception {
        return AzureOpenAiWireTest.message(request, "user");
    }

    @Override
    String systemMessage(LoggedRequest request) throws Exception {
        return AzureOpenAiWireTest.message(request, "system");
    }

    @Test
    void request_names_the_model_and_asks_for_json() throws Exception {
        wm.stubFor(call().willReturn(ok(LlmAnswers.VALID, 1, 1)));

        client.complete(SYSTEM, USER, Duration.ofSeconds(2));

        JsonNode body = JSON.readTree(wm.findAll(calls()).get(0).getBodyAsString());
        assertEquals(MODEL, body.path("model").asText());
        assertEquals("json_object", body.path("response_format").path("type").asText());
        assertEquals(0.0, body.path("temperature").asDouble(-1));
        assertEquals(1024, body.path("max_tokens").asInt());
    }

    @Test
    void oversized_prompt_is_refused_before_any_network_use() {
        String huge = "x".repeat(ChatModelLlmClient.MAX_PROMPT_CHARS + 1);
        var e = org.junit.jupiter.api.Assertions.assertThrows(LlmException.class,
                () -> client.complete(SYSTEM, huge, Duration.ofSeconds(2)));
        assertEquals(LlmException.Reason.BAD_REQUEST, e.reason());
        assertEquals(0, callCount());
    }

    @Test
    void keyless_local_server_gets_no_authorization_header() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(ok(LlmAnswers.VALID, 1, 1)));
        try (LlmClient keyless = new OpenAiCompatibleLlmClient(
                new LlmSettings.OpenAi("http://127.0.0.1:" + wm.port() + "/v1/", null, "llama3.1", false),
                LlmSettings.Generation.defaults(Duration.ofSeconds(5)))) {
            keyless.complete(SYSTEM, USER, Duration.ofSeconds(2));
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
        JsonNode body = JSON.readTree(wm.findAll(calls()).get(0).getBodyAsString());
        assertTrue(body.path("response_format").isMissingNode(), "JSON mode off for servers that reject it");
    }

    @Test
    void unreachable_server_degrades_as_unavailable_quickly() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (LlmClient dead = new OpenAiCompatibleLlmClient(
                new LlmSettings.OpenAi("http://127.0.0.1:" + closedPort + "/v1", null, "m", true),
                LlmSettings.Generation.defaults(Duration.ofSeconds(5)))) {
            LlmAssessor assessor = new LlmAssessor(dead, new LlmAssessor.Settings(Duration.ofSeconds(2),
                    Duration.ofMillis(20), Duration.ofMillis(100)), new CircuitBreaker(5, Duration.ofSeconds(30)),
                    new LlmOutputValidator());
            long start = System.nanoTime();
            var outcome = assertInstanceOf(LlmOutcome.Degraded.class, assessor.assess(SYSTEM, USER));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("unavailable", outcome.reasonCode());
            assertEquals(2, outcome.attempts(), "a refused connection is retried once");
            assertTrue(elapsedMs < 1_000, "took " + elapsedMs + " ms");
        }
    }
}
