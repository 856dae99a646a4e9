package io.sepsis.genai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.LlmAnswers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Amazon Bedrock Converse API: {@code POST /model/{modelId}/converse}, SigV4-signed with dummy static keys. */
class BedrockWireTest extends ProviderWireScenarios {

    static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final String PATH = "/model/anthropic\\.claude-3-5-sonnet-20240620-v1(:|%3A)0/converse";
    static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKIDTESTNOTREAL/\\d{8}/eu-west-1/bedrock/aws4_request, "
            + "SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}";

    @Override
    LlmClient newClient(String baseUrl) {
        return new BedrockLlmClient(new LlmSettings.Bedrock(MODEL_ID, "eu-west-1", baseUrl),
                LlmSettings.Generation.defaults(Duration.ofSeconds(5)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTNOTREAL", "secret-not-real")));
    }

    @Override
    MappingBuilder call() {
        return post(urlPathMatching(PATH)).withHeader("Authorization", matching(SIGV4));
    }

    @Override
    RequestPatternBuilder calls() {
        return postRequestedFor(urlPathMatching(PATH));
    }

    @Override
    ResponseDefinitionBuilder ok(String text, int inputTokens, int outputTokens) {
        return jsonResponse(200, json(Map.of(
                "output", Map.of("message", Map.of("role", "assistant", "content", List.of(Map.of("text", text)))),
                "stopReason", "end_turn",
                "usage", Map.of("inputTokens", inputTokens, "outputTokens", outputTokens,
                        "totalTokens", inputTokens + outputTokens),
                "metrics", Map.of("latencyMs", 1234))))
                .withHeader("x-amzn-RequestId", "5f2a8f3e-0000-4000-8000-000000000000");
    }

    @Override
    ResponseDefinitionBuilder throttled(String retryAfterSeconds) {
        return jsonResponse(429, "{\"message\":\"Too many requests, please wait before trying again.\"}")
                .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("Retry-After", retryAfterSeconds);
    }

    @Override
    ResponseDefinitionBuilder serverError() {
        return jsonResponse(500, "{\"message\":\"An internal server error occurred. Retry your request.\"}")
                .withHeader("x-amzn-ErrorType", "InternalServerException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    }

    @Override
    ResponseDefinitionBuilder unauthorized() {
        return jsonResponse(403, "{\"message\":\"You don't have access to the model with the specified model ID.\"}")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    }

    @Override
    String userMessage(LoggedRequest request) throws Exception {
        for (JsonNode m : JSON.readTree(request.getBodyAsString()).path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                return m.path("content").get(0).path("text").asText();
            }
        }
        throw new AssertionError("no user message");
    }

    @Override
    String systemMessage(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString()).path("system").get(0).path("text").asText();
    }

    @Test
    void converse_request_is_sigv4_signed_with_bounded_deterministic_inference() throws Exception {
        wm.stubFor(call().willReturn(ok(LlmAnswers.VALID, 1, 1)));

        LlmReply reply = client.complete(SYSTEM, USER, Duration.ofSeconds(2));

        assertEquals(LlmAnswers.VALID, reply.text());
        LoggedRequest request = wm.findAll(calls()).get(0);
        assertTrue(request.getHeader("Authorization").matches(SIGV4), request.getHeader("Authorization"));
        assertTrue(request.containsHeader("X-Amz-Date"));
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertEquals(1024, body.path("inferenceConfig").path("maxTokens").asInt());
        assertEquals(0.0, body.path("inferenceConfig").path("temperature").asDouble(-1));
        assertEquals(SYSTEM, body.path("system").get(0).path("text").asText());
    }
}
