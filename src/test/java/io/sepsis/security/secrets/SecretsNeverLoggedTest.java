package io.sepsis.security.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.sepsis.security.ApiKeyMatcher;
import io.sepsis.security.ApiKeys;

/**
 * Loading, rotating, failing and refusing malformed secrets logs what happened (ids, versions, error codes) and never
 * a key: captured at every level, SDK included, through a whole key lifecycle.
 */
class SecretsNeverLoggedTest {
    static final String API_SECRET = "sepsis-ews/api-keys";
    static final String LLM_SECRET = "sepsis-ews/azure-openai";

    @Test
    void key_values_never_appear_in_the_logs() {
        List<String> values = List.of("test-key-lifecycle-1", "test-key-lifecycle-2", "test-key-lifecycle-3",
                "test-azure-lifecycle-1", "test-azure-lifecycle-2", "test-env-lifecycle");
        try (SecretsManagerStandIn aws = new SecretsManagerStandIn(); LogCapture log = new LogCapture()) {
            aws.put(API_SECRET, "test-key-lifecycle-1");
            aws.put(LLM_SECRET, "{\"AZURE_OPENAI_API_KEY\": \"test-azure-lifecycle-1\"}");
            ApiKeys keys = new ApiKeys(ApiKeyMatcher.fromCommaSeparated(List.of("test-env-lifecycle")));
            var config = new SecretsRefreshWireTest.Config(Optional.of(API_SECRET), Optional.of(LLM_SECRET),
                    Optional.empty(), Duration.ofHours(1), Optional.of(SecretsManagerStandIn.REGION),
                    Optional.of(aws.endpoint()));
            SecretsService service = new SecretsService(config, keys, SecretsRefreshWireTest.credentials(
                    SecretsManagerStandIn.CREDENTIALS, new AtomicInteger()), new SimpleMeterRegistry());
            try {
                service.start(new StartupEvent());
                aws.put(API_SECRET, "test-key-lifecycle-1,test-key-lifecycle-2");
                aws.put(LLM_SECRET, "test-azure-lifecycle-2");
                service.refreshNow();
                // malformed: a JSON parser's message would quote the key
                aws.put(API_SECRET, "{\"API_KEYS\": \"test-key-lifecycle-3\",");
                aws.put(LLM_SECRET, "{\"AZURE_OPENAI_API_KEY\": [\"test-azure-lifecycle-1\"]}");
                service.refreshNow();
                aws.fail(API_SECRET, 500, "InternalServiceError");
                aws.delete(LLM_SECRET);
                service.refreshNow();
                keys.replaceSecretKeys(ApiKeyMatcher.fromCommaSeparated(List.of("test-key-lifecycle-3")));
                service.detail();
            } finally {
                service.stop();
            }

            String all = log.all();
            for (String value : values) {
                assertFalse(all.contains(value), "logged a key value: " + value);
                assertFalse(service.detail().contains(value));
            }
            // and the logs do say what happened (so this test can fail)
            assertTrue(all.contains("Secret api_keys (" + API_SECRET + ") loaded"), all);
            assertTrue(all.contains("rotated"), all);
            assertTrue(all.contains("not valid JSON"), all);
            assertTrue(all.contains("must be a string"), all);
            assertTrue(all.contains("InternalServiceError"), all);
            assertTrue(all.contains(ApiKeyMatcher.keyId("test-key-lifecycle-2")), "key ids are logged: " + all);
        }
    }
}
