package io.sepsis.security.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.sepsis.security.ApiKeyFilter;
import io.sepsis.security.ApiKeyMatcher;
import io.sepsis.security.ApiKeys;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * API keys from a Secrets Manager secret, read by the real AWS SDK client from a local stand-in speaking the service's
 * JSON 1.1 protocol: first read, rotation, failures that keep the last good keys, and what /health says.
 */
class SecretsRefreshWireTest {
    static final String API_SECRET = "sepsis-ews/api-keys";
    static final String ENV_KEY = "test-env-key";

    SecretsManagerStandIn aws;
    ApiKeys keys;
    SimpleMeterRegistry registry;
    SecretsService service;

    /** SecretsConfig as plain values (the CDI mapping reads the same names from application.properties). */
    record Config(Optional<String> apiKeysSecretId, Optional<String> azureOpenaiApiKeySecretId,
                  Optional<String> openaiApiKeySecretId, Duration refreshInterval, Optional<String> region,
                  Optional<String> endpointOverride) implements SecretsConfig {
    }

    static SecretsCredentials credentials(AwsCredentialsProvider provider, AtomicInteger uses) {
        return new SecretsCredentials() {
            @Override
            public AwsCredentialsProvider provider() {
                uses.incrementAndGet();
                return provider;
            }
        };
    }

    @BeforeEach
    void setUp() {
        aws = new SecretsManagerStandIn();
        keys = new ApiKeys(ApiKeyMatcher.fromCommaSeparated(List.of(ENV_KEY)));
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.stop();
        }
        aws.close();
    }

    SecretsService start(Optional<String> apiKeys, Optional<String> azure) {
        Config config = new Config(apiKeys, azure, Optional.empty(), Duration.ofHours(1),
                Optional.of(SecretsManagerStandIn.REGION), Optional.of(aws.endpoint()));
        service = new SecretsService(config, keys, credentials(SecretsManagerStandIn.CREDENTIALS,
                new AtomicInteger()), registry);
        service.start(new StartupEvent());
        return service;
    }

    SecretsService startWithApiKeysSecret() {
        return start(Optional.of(API_SECRET), Optional.empty());
    }

    boolean accepted(String key) {
        return keys.current().match(key).isPresent();
    }

    double refreshes(String outcome) {
        return registry.get("secrets.refresh").tag("secret", SecretsService.API_KEYS).tag("outcome", outcome)
                .functionCounter().count();
    }

    @Test
    void secret_keys_are_accepted_alongside_environment_keys_after_the_first_read() {
        aws.put(API_SECRET, "test-secret-key-1, test-secret-key-2");

        startWithApiKeysSecret();

        assertTrue(accepted("test-secret-key-1"));
        assertTrue(accepted("test-secret-key-2"));
        assertTrue(accepted(ENV_KEY), "environment keys stay accepted");
        assertFalse(accepted("test-secret-key-3"));
        assertTrue(service.ready());
        assertTrue(service.detail().startsWith("api_keys: read "), service.detail());
        assertEquals(1.0, refreshes("success"));
        assertEquals(1.0, registry.get("secrets.loaded").gauge().value());
    }

    @Test
    void a_json_secret_is_read_by_the_environment_variable_names() {
        aws.put(API_SECRET, "{\"API_KEYS\": \"test-secret-key-1,test-secret-key-2\", \"API_KEY\": \"test-key-9\","
                + " \"OTHER\": \"ignored-value\"}");

        startWithApiKeysSecret();

        assertTrue(accepted("test-secret-key-1"));
        assertTrue(accepted("test-secret-key-2"));
        assertTrue(accepted("test-key-9"));
        assertFalse(accepted("ignored-value"));
        assertEquals(4, keys.current().size());
    }

    @Test
    void rotation_takes_effect_at_the_next_refresh_and_a_removed_key_is_then_refused() {
        aws.put(API_SECRET, "test-key-old");
        startWithApiKeysSecret();
        assertTrue(accepted("test-key-old"));

        // step 1 of a rotation: the new key joins the old one in the secret
        aws.put(API_SECRET, "test-key-old,test-key-new");
        assertFalse(accepted("test-key-new"), "nothing changes before the refresh");
        assertTrue(service.refreshNow());
        assertTrue(accepted("test-key-old"));
        assertTrue(accepted("test-key-new"));

        // step 2, once clients have moved: the old key leaves the secret
        aws.put(API_SECRET, "test-key-new");
        assertTrue(service.refreshNow());
        assertFalse(accepted("test-key-old"), "a key removed from the secret is refused after the refresh");
        assertTrue(accepted("test-key-new"));
        assertTrue(accepted(ENV_KEY));
        assertEquals(3.0, refreshes("success"));
    }

    @Test
    void failed_refreshes_keep_the_last_good_keys_and_do_not_make_the_instance_unhealthy() {
        aws.put(API_SECRET, "test-secret-key-1");
        startWithApiKeysSecret();

        aws.fail(API_SECRET, 500, "InternalServiceError");
        assertFalse(service.refreshNow());
        assertTrue(accepted("test-secret-key-1"), "last good keys kept through an outage");
        assertTrue(service.ready(), "a Secrets Manager outage must not take loaded instances out of service");
        assertTrue(service.detail().contains("last refresh failed"), service.detail());
        assertTrue(service.detail().contains("InternalServiceError (HTTP 500)"), service.detail());
        assertTrue(service.detail().contains("kept"), service.detail());

        aws.delete(API_SECRET);
        assertFalse(service.refreshNow());
        assertTrue(accepted("test-secret-key-1"), "a deleted secret does not revoke the keys either");
        assertTrue(service.detail().contains("ResourceNotFoundException"), service.detail());
        assertEquals(2.0, refreshes("failure"));
        assertEquals(1.0, refreshes("success"));

        aws.put(API_SECRET, "test-secret-key-2");
        assertTrue(service.refreshNow());
        assertTrue(accepted("test-secret-key-2"));
        assertFalse(accepted("test-secret-key-1"));
        assertFalse(service.detail().contains("failed"), "recovered: " + service.detail());
    }

    @Test
    void an_empty_secret_keeps_the_previous_keys_instead_of_locking_everyone_out() {
        aws.put(API_SECRET, "test-secret-key-1");
        startWithApiKeysSecret();

        aws.put(API_SECRET, " , ");
        assertFalse(service.refreshNow());
        assertTrue(accepted("test-secret-key-1"));
        assertTrue(service.detail().contains("holds no API key"), service.detail());

        aws.put(API_SECRET, "{\"SOMETHING_ELSE\": \"x\"}");
        assertFalse(service.refreshNow());
        assertTrue(accepted("test-secret-key-1"));
        assertTrue(service.detail().contains("neither an API_KEYS nor an API_KEY field"), service.detail());
    }

    @Test
    void a_secret_missing_at_start_leaves_the_service_up_on_environment_keys_and_not_ready_until_it_loads() {
        startWithApiKeysSecret();

        assertFalse(service.ready(), "an instance that cannot read its keys should not take traffic");
        assertTrue(service.detail().contains("api_keys: not loaded"), service.detail());
        assertTrue(service.detail().contains("ResourceNotFoundException (HTTP 400)"), service.detail());
        assertTrue(accepted(ENV_KEY), "environment keys keep working");
        assertEquals(1, keys.current().size());

        aws.put(API_SECRET, "test-secret-key-1");
        assertTrue(service.refreshNow());
        assertTrue(service.ready(), "recovers without a restart");
        assertTrue(accepted("test-secret-key-1"));
    }

    @Test
    void with_no_environment_key_and_an_unreadable_secret_protected_endpoints_fail_closed() {
        keys = new ApiKeys(ApiKeyMatcher.none());
        aws.fail(API_SECRET, 400, "AccessDeniedException");

        startWithApiKeysSecret();

        assertTrue(keys.current().isEmpty());
        assertFalse(ApiKeyFilter.decide(keys.current(), "POST", "/classify", "anything").allowed());
        assertTrue(ApiKeyFilter.decide(keys.current(), "GET", "/health", null).allowed());
        assertTrue(service.detail().contains("AccessDeniedException"), service.detail());
    }

    @Test
    void requests_speak_the_json_1_1_protocol_signed_for_the_region_with_the_configured_secret_id() throws Exception {
        aws.put(API_SECRET, "test-secret-key-1");
        startWithApiKeysSecret();

        List<LoggedRequest> requests = aws.allRequests();
        assertEquals(1, requests.size());
        LoggedRequest r = requests.get(0);
        assertEquals("secretsmanager.GetSecretValue", r.getHeader("X-Amz-Target"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/x-amz-json-1.1"), r.getHeader("Content-Type"));
        assertEquals(API_SECRET, new ObjectMapper().readTree(r.getBodyAsString()).path("SecretId").asText());
        String auth = r.getHeader("Authorization");
        assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=test/"), auth);
        assertTrue(auth.contains("/" + SecretsManagerStandIn.REGION + "/secretsmanager/aws4_request"), auth);
    }

    @Test
    void api_and_llm_keys_sharing_one_json_secret_cost_one_call_per_refresh() {
        aws.put(API_SECRET, "{\"API_KEYS\": \"test-key-a\", \"AZURE_OPENAI_API_KEY\": \"test-azure-key-1\"}");

        start(Optional.of(API_SECRET), Optional.of(API_SECRET));
        assertEquals(1, aws.requests(API_SECRET).size());
        assertTrue(accepted("test-key-a"));
        assertEquals(Optional.of("test-azure-key-1"), service.latest(SecretsService.AZURE_OPENAI_API_KEY));

        aws.put(API_SECRET, "{\"API_KEYS\": \"test-key-a\", \"AZURE_OPENAI_API_KEY\": \"test-azure-key-2\"}");
        service.refreshNow();
        assertEquals(2, aws.requests(API_SECRET).size());
        assertEquals(Optional.of("test-azure-key-2"), service.latest(SecretsService.AZURE_OPENAI_API_KEY));
    }

    @Test
    void without_a_secret_id_nothing_is_read_from_aws_and_no_credentials_are_looked_up() {
        AtomicInteger credentialLookups = new AtomicInteger();
        Config config = new Config(Optional.of(""), Optional.empty(), Optional.empty(), Duration.ofMinutes(5),
                Optional.empty(), Optional.of(aws.endpoint()));
        service = new SecretsService(config, keys, credentials(SecretsManagerStandIn.CREDENTIALS, credentialLookups),
                registry);
        service.start(new StartupEvent());

        assertTrue(service.ready());
        assertEquals("not used (keys from the environment only)", service.detail());
        assertEquals(0, credentialLookups.get());
        assertEquals(0, aws.allRequests().size());
        assertFalse(service.configured(SecretsService.API_KEYS));
        assertTrue(accepted(ENV_KEY));
    }

    @Test
    void health_detail_names_neither_the_secret_id_nor_its_version() {
        String version = aws.put(API_SECRET, "test-secret-key-1");
        startWithApiKeysSecret();
        aws.fail(API_SECRET, 500, "InternalServiceError");
        service.refreshNow();

        assertFalse(service.detail().contains(API_SECRET), service.detail());
        assertFalse(service.detail().contains("sepsis-ews"), service.detail());
        assertFalse(service.detail().contains(version), service.detail());
    }

    @Test
    void region_defaults_to_the_one_in_an_arn_shaped_secret_id() {
        String arn = "arn:aws:secretsmanager:eu-central-1:000000000000:secret:sepsis-ews/api-keys-AbCdEf";
        assertEquals(Optional.of("eu-central-1"), AwsSecretsManagerSource.region(Optional.empty(), List.of(arn)));
        assertEquals(Optional.of("us-east-1"), AwsSecretsManagerSource.region(Optional.of("us-east-1"), List.of(arn)));
        assertEquals(Optional.empty(), AwsSecretsManagerSource.region(Optional.of(" "), List.of("sepsis-ews/keys")));
    }

    @Test
    void a_secret_never_loaded_is_retried_sooner_than_the_refresh_interval() {
        try (SecretRefresher refresher = new SecretRefresher(new AwsSecretsManagerSource(
                SecretsManagerStandIn.REGION, aws.endpoint(), SecretsManagerStandIn.CREDENTIALS),
                java.time.Clock.systemUTC())) {
            refresher.watch("api_keys", API_SECRET, SecretFormats::apiKeys, k -> {
            });
            refresher.start(Duration.ofHours(1));
            assertEquals(SecretRefresher.RETRY_UNTIL_LOADED, refresher.nextDelay(), "never loaded: retry soon");

            aws.put(API_SECRET, "test-secret-key-1");
            refresher.refreshNow();
            assertEquals(Duration.ofHours(1), refresher.nextDelay());
        }
    }
}
