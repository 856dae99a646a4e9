package io.sepsis.genai.service;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.genai.client.AzureOpenAiLlmClient;
import io.sepsis.genai.client.BedrockLlmClient;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmSettings;
import io.sepsis.genai.client.OpenAiCompatibleLlmClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.sepsis.genai.service.GenaiPipelineWireTest.JSON;
import static io.sepsis.genai.service.GenaiPipelineWireTest.PHI_NOTE;
import static io.sepsis.genai.service.GenaiPipelineWireTest.body;
import static io.sepsis.genai.service.GenaiPipelineWireTest.fake;
import static io.sepsis.genai.service.GenaiPipelineWireTest.lowRiskAnswer;
import static io.sepsis.genai.service.GenaiPipelineWireTest.pipeline;
import static io.sepsis.genai.service.GenaiPipelineWireTest.pipelineSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pathway over each provider's real wire format (Azure OpenAI deployments, Bedrock Converse with SigV4,
 * OpenAI-compatible): patient data never reaches any of them, and cost control calls the LLM only when useful.
 */
class GenaiProvidersTest {
    @BeforeAll
    static void start() {
        GenaiPipelineWireTest.start(); // a fresh fake provider and stores for this class
    }

    @AfterAll
    static void stop() {
        GenaiPipelineWireTest.stop();
    }

    static LlmClient client(String provider) {
        Duration d = Duration.ofSeconds(5);
        return switch (provider) {
            case "azure-openai" -> new AzureOpenAiLlmClient(new LlmSettings.Azure(fake.baseUrl() + "/",
                    "azure-key-not-real", "sepsis-gpt", "2024-10-21", true), LlmSettings.Generation.defaults(d));
            case "bedrock" -> new BedrockLlmClient(new LlmSettings.Bedrock("anthropic.claude-test-v1:0", "eu-west-1",
                    fake.baseUrl()), LlmSettings.Generation.defaults(d),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTNOTREAL", "secret-not-real")));
            default -> new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(fake.baseUrl() + "/v1", "key-not-real",
                    "test-model", true), LlmSettings.Generation.defaults(d));
        };
    }

    static ResponseDefinitionBuilder answer(String provider, String text) throws Exception {
        if (provider.equals("bedrock")) {
            return jsonResponse(JSON.writeValueAsString(Map.of(
                    "output", Map.of("message", Map.of("role", "assistant", "content", List.of(Map.of("text", text)))),
                    "stopReason", "end_turn", "usage", Map.of("inputTokens", 900, "outputTokens", 150,
                            "totalTokens", 1050), "metrics", Map.of("latencyMs", 120))), 200);
        }
        return jsonResponse(LlmAnswers.openAiCompletion("m", text, 900, 150), 200);
    }

    static String path(String provider) {
        return switch (provider) {
            case "azure-openai" -> "/openai/deployments/sepsis-gpt/chat/completions";
            case "bedrock" -> "/model/.*/converse";
            default -> "/v1/chat/completions";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure-openai", "bedrock", "openai-compatible"})
    void no_provider_ever_receives_patient_identifiers(String provider) throws Exception {
        fake.resetAll();
        fake.stubFor(post(urlPathMatching(path(provider))).willReturn(answer(provider, lowRiskAnswer(20))));
        GenaiResult r = pipeline(client(provider), Duration.ofSeconds(5), false).classify(body("""
                {"patient_id": "P-SECRET-9", "vitals": {"HR": 104, "SBP": 118}, "notes": %s,
                 "patient_history": {"conditions": ["CKD"], "medications": ["warfarin"]}}"""
                .formatted(JSON.writeValueAsString(PHI_NOTE))), pipelineSnapshot(), "req-p", "");
        List<LoggedRequest> sent = fake.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, sent.size(), provider);
        String wire = sent.get(0).getBodyAsString();
        for (String phi : List.of("John Smith", "48213377", "03/14/1951", "555-0142", "27 Harbor", "P-SECRET-9")) {
            assertFalse(wire.contains(phi), provider + " received " + phi);
        }
        assertTrue(wire.contains("mottled"), provider + ": the clinical content is sent");
        assertEquals("success", r.status(), provider);
        assertEquals(20, r.llmInitialRiskScore(), provider);
        assertEquals(provider.equals("openai-compatible") ? "openai-compatible" : provider, r.llm().provider());
        assertTrue(r.riskScore() >= 70, provider + ": notes discordance escalates a low LLM risk");
    }

    @Test
    void cost_control_skips_the_llm_for_a_clear_case_without_notes_and_calls_it_with_notes() throws Exception {
        fake.resetAll();
        fake.stubFor(post(urlPathMatching(path("openai-compatible")))
                .willReturn(answer("openai-compatible", lowRiskAnswer(10))));
        GenaiPipeline p = pipeline(client("openai-compatible"), Duration.ofSeconds(5), true);
        GenaiResult clear = p.classify(body("{\"vitals\": {\"HR\": 72, \"SBP\": 124, \"Temp\": 36.8, \"Resp\": 14}}"),
                pipelineSnapshot(), "req-c1", "");
        assertEquals(0, fake.findAll(anyRequestedFor(anyUrl())).size(), "a clear case without notes needs no LLM");
        assertEquals("success", clear.status());
        assertEquals("ml_baseline+guardrail", clear.decidedBy());
        assertNull(clear.llm());
        assertTrue(clear.clinicalRationale().startsWith("cost control"));

        GenaiResult withNotes = p.classify(body("{\"vitals\": {\"HR\": 72, \"SBP\": 124}, \"notes\": \"new confusion\"}"),
                pipelineSnapshot(), "req-c2", "");
        assertEquals(1, fake.findAll(anyRequestedFor(anyUrl())).size(), "notes are what the LLM is for");
        assertEquals("llm+guardrail_override", withNotes.decidedBy());
    }
}
