package io.sepsis.genai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.genai.llm.LlmOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Azure OpenAI chat completions: deployment path, {@code api-version} query, {@code api-key} header. */
class AzureOpenAiWireTest extends ProviderWireScenarios {

    static final String DEPLOYMENT = "gpt-4o-sepsis";
    static final String KEY = "test-azure-key-not-real";
    static final String VERSION = "2024-10-21";
    static final String PATH = "/openai/deployments/" + DEPLOYMENT + "/chat/completions";

    @Override
    LlmClient newClient(String baseUrl) {
        return new AzureOpenAiLlmClient(new LlmSettings.Azure(baseUrl + "/", KEY, DEPLOYMENT, VERSION, true),
                LlmSettings.Generation.defaults(Duration.ofSeconds(5)));
    }

    @Override
    MappingBuilder call() {
        return post(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo(VERSION))
                .withHeader("api-key", equalTo(KEY));
    }

    @Override
    RequestPatternBuilder calls() {
        return postRequestedFor(urlPathEqualTo(PATH));
    }

    @Override
    ResponseDefinitionBuilder ok(String text, int inputTokens, int outputTokens) {
        return jsonResponse(200, json(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1_700_000_000, "model", "gpt-4o-2024-08-06",
                "prompt_filter_results", List.of(Map.of("prompt_index", 0, "content_filter_results", Map.of())),
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text),
                        "content_filter_results", Map.of("hate", Map.of("filtered", false, "severity", "safe")))),
                "usage", Map.of("prompt_tokens", inputTokens, "completion_tokens", outputTokens,
                        "total_tokens", inputTokens + outputTokens))));
    }

    @Override
    ResponseDefinitionBuilder throttled(String retryAfterSeconds) {
        return jsonResponse(429, "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create "
                + "Operation have exceeded token rate limit. Please retry after " + retryAfterSeconds + " seconds.\"}}")
                .withHeader("Retry-After", retryAfterSeconds)
                .withHeader("retry-after-ms", String.valueOf(Long.parseLong(retryAfterSeconds) * 1000));
    }

    @Override
    ResponseDefinitionBuilder serverError() {
        return jsonResponse(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The server had an error "
                + "while processing your request. Patient [NAME] echoed.\"}}");
    }

    @Override
    ResponseDefinitionBuilder unauthorized() {
        return jsonResponse(401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid "
                + "subscription key or wrong API endpoint.\"}}");
    }

    @Override
    String userMessage(LoggedRequest request) throws Exception {
        return message(request, "user");
    }

    @Override
    String systemMessage(LoggedRequest request) throws Exception {
        return message(request, "system");
    }

    static String message(LoggedRequest request, String role) throws Exception {
        for (JsonNode m : JSON.readTree(request.getBodyAsString()).path("messages")) {
            if (role.equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        throw new AssertionError("no " + role + " message");
    }

    @Test
    void request_uses_azure_key_header_json_mode_and_bounded_deterministic_generation() throws Exception {
        wm.stubFor(call().willReturn(ok(LlmAnswers.VALID, 1, 1)));

        client.complete(SYSTEM, USER, Duration.ofSeconds(2));

        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo(VERSION))
                .withHeader("api-key", equalTo(KEY)).withHeader("Authorization", absent()));
        JsonNode body = JSON.readTree(wm.findAll(calls()).get(0).getBodyAsString());
        assertEquals("json_object", body.path("response_format").path("type").asText());
        assertEquals(0.0, body.path("temperature").asDouble(-1));
        assertEquals(1024, body.path("max_tokens").asInt());
        assertFalse(body.path("stream").asBoolean(false));
    }

    @Test
    void reasoning_deployments_get_max_completion_tokens_instead_of_max_tokens() throws Exception {
        wm.stubFor(call().willReturn(ok(LlmAnswers.VALID, 1, 1)));
        try (LlmClient reasoning = new AzureOpenAiLlmClient(
                new LlmSettings.Azure("http://127.0.0.1:" + wm.port(), KEY, DEPLOYMENT, VERSION, true),
                new LlmSettings.Generation(java.util.Optional.empty(), 900, Duration.ofSeconds(5), 4, true))) {
            reasoning.complete(SYSTEM, USER, Duration.ofSeconds(2));
        }
        JsonNode body = JSON.readTree(wm.findAll(calls()).get(0).getBodyAsString());
        assertEquals(900, body.path("max_completion_tokens").asInt());
        assertTrue(body.path("max_tokens").isMissingNode());
        assertTrue(body.path("temperature").isMissingNode(), "temperature left out when unset");
    }

    @Test
    void retry_after_ms_is_honoured() {
        wm.stubFor(call().inScenario("ms").whenScenarioStateIs("Started")
                .willReturn(jsonResponse(429, "{}").withHeader("retry-after-ms", "300")).willSetStateTo("ok"));
        wm.stubFor(call().inScenario("ms").whenScenarioStateIs("ok").willReturn(ok(LlmAnswers.VALID, 1, 1)));

        long start = System.nanoTime();
        assertTrue(assessor(Duration.ofSeconds(2)).assess(SYSTEM, USER).isSuccess());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMs >= 300 && elapsedMs < 1_000, "waited " + elapsedMs + " ms for retry-after-ms 300");
    }

    @Test
    void content_filter_rejection_is_not_retried_and_keeps_no_response_text() throws Exception {
        wm.stubFor(call().willReturn(jsonResponse(400, "{\"error\":{\"code\":\"content_filter\",\"message\":"
                + "\"The response was filtered: Mr John Smith ...\",\"status\":400}}")));

        var e = org.junit.jupiter.api.Assertions.assertThrows(LlmException.class,
                () -> client.complete(SYSTEM, USER, Duration.ofSeconds(2)));
        assertEquals(LlmException.Reason.BAD_REQUEST, e.reason());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("content_filter"), e.getMessage());
        assertFalse(e.getMessage().contains("John Smith"), "provider text must not reach our messages or logs");

        wm.resetRequests();
        var outcome = assertInstanceOf(LlmOutcome.Degraded.class, assessor(Duration.ofSeconds(2)).assess(SYSTEM, USER));
        assertEquals("unavailable", outcome.reasonCode());
        assertEquals(1, callCount());
    }

    @Test
    void server_error_message_does_not_leak_response_text() {
        wm.stubFor(call().willReturn(serverError()));
        var e = org.junit.jupiter.api.Assertions.assertThrows(LlmException.class,
                () -> client.complete(SYSTEM, USER, Duration.ofSeconds(2)));
        assertEquals(LlmException.Reason.SERVER_ERROR, e.reason());
        assertFalse(e.getMessage().contains("[NAME]"), e.getMessage());
    }
}
