package io.sepsis.genai.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** Provider selection from settings, and failure classification. */
class LlmClientsTest {

    static final LlmSettings.Generation GEN = LlmSettings.Generation.defaults(Duration.ofSeconds(8));
    static final LlmSettings.Azure AZURE = new LlmSettings.Azure("https://x.openai.azure.com", "secret-key-value",
            "gpt-4o", "2024-10-21", true);
    static final LlmSettings.Bedrock BEDROCK = new LlmSettings.Bedrock("anthropic.claude-3-haiku-20240307-v1:0",
            "us-east-1", null);
    static final LlmSettings.OpenAi OPENAI = new LlmSettings.OpenAi("http://10.0.0.5:8000/v1", null, "llama3", true);
    static final LlmSettings.Azure NO_AZURE = new LlmSettings.Azure(null, null, null, "2024-10-21", true);

    static LlmSettings settings(String provider, LlmSettings.Azure azure) {
        return new LlmSettings(provider, GEN, azure, BEDROCK, OPENAI);
    }

    @Test
    void none_is_the_default() {
        assertInstanceOf(NoneLlmClient.class, LlmClients.create(settings(null, NO_AZURE)));
        assertInstanceOf(NoneLlmClient.class, LlmClients.create(settings("none", NO_AZURE)));
    }

    @Test
    void each_provider_name_selects_its_client() {
        try (LlmClient a = LlmClients.create(settings(" Azure-OpenAI ", AZURE));
             LlmClient b = LlmClients.create(settings("bedrock", NO_AZURE));
             LlmClient o = LlmClients.create(settings("openai-compatible", NO_AZURE))) {
            assertInstanceOf(AzureOpenAiLlmClient.class, a);
            assertEquals("azure-openai", a.provider());
            assertEquals("gpt-4o", a.model());
            assertInstanceOf(BedrockLlmClient.class, b);
            assertEquals("anthropic.claude-3-haiku-20240307-v1:0", b.model());
            assertInstanceOf(OpenAiCompatibleLlmClient.class, o);
            assertEquals("llama3", o.model());
        }
    }

    @Test
    void missing_settings_are_named_by_their_environment_variables_never_their_values() {
        var u = assertInstanceOf(UnconfiguredLlmClient.class, LlmClients.create(settings("azure-openai", NO_AZURE)));
        assertEquals(List.of("AZURE_OPENAI_ENDPOINT is not set", "AZURE_OPENAI_API_KEY is not set",
                "AZURE_OPENAI_DEPLOYMENT_NAME is not set"), u.problems());

        var b = assertInstanceOf(UnconfiguredLlmClient.class, LlmClients.create(
                new LlmSettings("bedrock", GEN, NO_AZURE, new LlmSettings.Bedrock(null, null, null), OPENAI)));
        assertEquals(List.of("BEDROCK_MODEL_ID is not set", "AWS_REGION is not set"), b.problems());

        var o = assertInstanceOf(UnconfiguredLlmClient.class, LlmClients.create(
                new LlmSettings("openai-compatible", GEN, NO_AZURE, BEDROCK, new LlmSettings.OpenAi("", "k", "", true))));
        assertEquals(List.of("OPENAI_BASE_URL is not set", "OPENAI_MODEL is not set"), o.problems());

        var unknown = assertInstanceOf(UnconfiguredLlmClient.class, LlmClients.create(settings("openai", AZURE)));
        assertTrue(unknown.problems().get(0).contains("azure-openai, bedrock, openai-compatible, none"));
        assertThrows(LlmException.class, () -> unknown.complete("s", "u", Duration.ofSeconds(1)));
    }

    @Test
    void azure_key_is_never_sent_over_plain_http_except_to_this_machine() {
        var remote = new LlmSettings.Azure("http://x.openai.azure.com", "k", "d", "v", true);
        var u = assertInstanceOf(UnconfiguredLlmClient.class, LlmClients.create(settings("azure-openai", remote)));
        assertTrue(u.problems().get(0).contains("must use https"));
        try (LlmClient local = LlmClients.create(settings("azure-openai",
                new LlmSettings.Azure("http://127.0.0.1:8080", "k", "d", "v", true)))) {
            assertInstanceOf(AzureOpenAiLlmClient.class, local);
        }
    }

    @Test
    void an_openai_compatible_key_is_never_sent_over_plain_http_except_to_this_machine() {
        var keyed = new LlmSettings.OpenAi("http://10.0.0.5:8000/v1", "test-key-not-real", "llama3", true);
        var u = assertInstanceOf(UnconfiguredLlmClient.class,
                LlmClients.create(new LlmSettings("openai-compatible", GEN, NO_AZURE, BEDROCK, keyed)));
        assertTrue(u.problems().get(0).contains("OPENAI_BASE_URL must use https"), u.problems().toString());
        // without a key, a plain-HTTP server on the network (vLLM in the same VPC) stays allowed
        try (LlmClient keyless = LlmClients.create(settings("openai-compatible", NO_AZURE));
             LlmClient local = LlmClients.create(new LlmSettings("openai-compatible", GEN, NO_AZURE, BEDROCK,
                     new LlmSettings.OpenAi("http://127.0.0.1:8000/v1", "test-key-not-real", "llama3", true)))) {
            assertInstanceOf(OpenAiCompatibleLlmClient.class, keyless);
            assertInstanceOf(OpenAiCompatibleLlmClient.class, local);
        }
    }

    @Test
    void settings_never_print_keys() {
        assertFalse(AZURE.toString().contains("secret-key-value"));
        assertFalse(new LlmSettings.OpenAi("u", "sk-live-123", "m", true).toString().contains("sk-live-123"));
        assertFalse(settings("azure-openai", AZURE).toString().contains("secret-key-value"));
    }

    @Test
    void azure_deployment_url_is_built_from_the_endpoint() {
        assertEquals("https://x.openai.azure.com/openai/deployments/gpt-4o",
                AzureOpenAiLlmClient.deploymentBaseUrl(new LlmSettings.Azure("https://x.openai.azure.com//", "k",
                        "gpt-4o", "v", true)));
    }

    @Test
    void failures_are_classified_without_provider_text() {
        assertEquals(LlmException.Reason.RATE_LIMITED, LlmErrors.classify(new RuntimeException(
                ThrottlingException.builder().statusCode(429).message("echo: patient John").build())).reason());
        assertEquals(LlmException.Reason.TIMEOUT,
                LlmErrors.classify(ApiCallTimeoutException.create(1000)).reason());
        assertEquals(LlmException.Reason.UNAVAILABLE,
                LlmErrors.classify(new RuntimeException(new java.net.ConnectException("refused"))).reason());
        LlmException other = LlmErrors.classify(new IllegalStateException("John Smith"));
        assertEquals(LlmException.Reason.SERVER_ERROR, other.reason());
        assertFalse(other.getMessage().contains("John"));
        assertEquals(LlmException.Reason.BAD_REQUEST, LlmErrors.fromStatus(404, null, null).reason());
        assertEquals(LlmException.Reason.AUTH, LlmErrors.fromStatus(403, null, null).reason());
        assertEquals(LlmException.Reason.TIMEOUT, LlmErrors.fromStatus(408, null, null).reason());
    }

    @Test
    void retry_after_reads_milliseconds_seconds_and_dates() {
        assertEquals(Duration.ofMillis(250), RetryAfter.parse(h -> h.equals("retry-after-ms")
                ? Optional.of("250") : Optional.of("9")));
        assertEquals(Duration.ofSeconds(9), RetryAfter.parse(h -> h.equals("retry-after") ? Optional.of("9")
                : Optional.empty()));
        assertEquals(null, RetryAfter.parse(h -> Optional.empty()));
        assertEquals(null, RetryAfter.parse(h -> h.equals("retry-after") ? Optional.of("soon") : Optional.empty()));
        Duration d = RetryAfter.parse(h -> h.equals("retry-after")
                ? Optional.of(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(20)))
                : Optional.empty());
        assertTrue(d.toSeconds() >= 18 && d.toSeconds() <= 20, d.toString());
    }
}
