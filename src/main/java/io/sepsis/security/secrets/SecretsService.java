package io.sepsis.security.secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.sepsis.ops.health.ComponentStatus;
import io.sepsis.security.ApiKeys;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Secrets Manager as a source of API keys and LLM keys, refreshed without restart ({@link SecretRefresher} over
 * {@link AwsSecretsManagerSource}). Does nothing, and needs no AWS credentials, when no {@code *_SECRET_ID} is set.
 * <p>
 * At start the secrets are read once before traffic; then every {@code SECRETS_REFRESH_INTERVAL}. Health component
 * {@value #COMPONENT}: not ready until every configured secret has been read once (an instance that cannot read its
 * keys should not take traffic, and App Runner/ECS then keep the old deployment); after that, failed refreshes keep
 * the last good values and are reported in the detail and counted ({@code secrets_refresh_total}) but do not make the
 * instance unhealthy, so a Secrets Manager outage does not take the fleet down.
 */
@Singleton
public class SecretsService implements ComponentStatus {
    private static final Logger LOG = Logger.getLogger(SecretsService.class);

    public static final String COMPONENT = "secrets";
    public static final String API_KEYS = "api_keys";
    public static final String AZURE_OPENAI_API_KEY = "azure_openai_api_key";
    public static final String OPENAI_API_KEY = "openai_api_key";

    private final SecretsConfig config;
    private final ApiKeys apiKeys;
    private final SecretsCredentials credentials;
    private final MeterRegistry registry;
    private final Map<String, String> secretIds;
    private final Map<String, SecretRefresher.Watch<String>> llmKeys = new ConcurrentHashMap<>();
    private volatile SecretRefresher refresher;
    private volatile String setupFailure;

    SecretsService(SecretsConfig config, ApiKeys apiKeys, SecretsCredentials credentials, MeterRegistry registry) {
        this.config = config;
        this.apiKeys = apiKeys;
        this.credentials = credentials;
        this.registry = registry;
        Map<String, String> ids = new LinkedHashMap<>();
        put(ids, API_KEYS, config.apiKeysSecretId());
        put(ids, AZURE_OPENAI_API_KEY, config.azureOpenaiApiKeySecretId());
        put(ids, OPENAI_API_KEY, config.openaiApiKeySecretId());
        this.secretIds = Map.copyOf(ids);
    }

    private static void put(Map<String, String> ids, String name, Optional<String> id) {
        id.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(s -> ids.put(name, s));
    }

    /** Before the other start-up observers (ApiKeys logs the accepted keys after this). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (secretIds.isEmpty()) {
            LOG.debug("No *_SECRET_ID set: API and LLM keys come from the environment only");
            return;
        }
        SecretSource source;
        try {
            source = new AwsSecretsManagerSource(
                    AwsSecretsManagerSource.region(config.region(), secretIds.values()).orElse(null),
                    config.endpointOverride().orElse(null), credentials.provider());
        } catch (RuntimeException e) {
            setupFailure = e instanceof SdkException sdk ? AwsSecretsManagerSource.describe(sdk)
                    : "client not built (" + e.getClass().getSimpleName() + ")";
            LOG.errorf("Secrets Manager unusable: %s; keys from the environment only until restarted", setupFailure);
            return;
        }
        SecretRefresher r = new SecretRefresher(source, Clock.systemUTC());
        secretIds.forEach((name, id) -> {
            SecretRefresher.Watch<?> w = switch (name) {
                case API_KEYS -> r.watch(name, id, SecretFormats::apiKeys, apiKeys::replaceSecretKeys);
                case AZURE_OPENAI_API_KEY -> llmKey(r, name, id, "AZURE_OPENAI_API_KEY");
                default -> llmKey(r, name, id, "OPENAI_API_KEY");
            };
            register(w);
        });
        refresher = r;
        r.refreshNow();
        r.start(config.refreshInterval());
    }

    private SecretRefresher.Watch<String> llmKey(SecretRefresher r, String name, String id, String field) {
        SecretRefresher.Watch<String> w = r.watch(name, id, s -> SecretFormats.singleKey(s, field), key -> {
        });
        llmKeys.put(name, w);
        return w;
    }

    private void register(SecretRefresher.Watch<?> w) {
        String name = w.status().name();
        FunctionCounter.builder("secrets.refresh", w, x -> x.status().successes())
                .description("Reads of a Secrets Manager secret").tag("secret", name).tag("outcome", "success")
                .register(registry);
        FunctionCounter.builder("secrets.refresh", w, x -> x.status().failures())
                .description("Reads of a Secrets Manager secret").tag("secret", name).tag("outcome", "failure")
                .register(registry);
        Gauge.builder("secrets.loaded", w, x -> x.status().loaded() ? 1 : 0)
                .description("1 once the secret has been read successfully").tag("secret", name).register(registry);
    }

    @PreDestroy
    void stop() {
        SecretRefresher r = refresher;
        if (r != null) {
            r.close();
        }
    }

    /** Whether the secret {@code name} ({@link #API_KEYS}, {@link #AZURE_OPENAI_API_KEY}, ...) is configured. */
    public boolean configured(String name) {
        return secretIds.containsKey(name);
    }

    /** The last good value of an LLM key secret; empty when not configured or not read yet. */
    public Optional<String> latest(String name) {
        SecretRefresher.Watch<String> w = llmKeys.get(name);
        return w == null ? Optional.empty() : w.current();
    }

    /** Re-reads every configured secret now (tests; an operator could expose it); true when all reads were good. */
    public boolean refreshNow() {
        SecretRefresher r = refresher;
        return r == null ? secretIds.isEmpty() : r.refreshNow();
    }

    public List<SecretRefresher.Status> statuses() {
        SecretRefresher r = refresher;
        return r == null ? List.of() : r.statuses();
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public boolean ready() {
        if (secretIds.isEmpty()) {
            return true;
        }
        SecretRefresher r = refresher;
        return setupFailure == null && r != null && r.allLoaded();
    }

    /** Names and times only: /health is open, so no secret ids (ARNs name the account), versions or values. */
    @Override
    public String detail() {
        if (secretIds.isEmpty()) {
            return "not used (keys from the environment only)";
        }
        if (setupFailure != null) {
            return "Secrets Manager unusable: " + setupFailure;
        }
        List<String> parts = new ArrayList<>();
        List<SecretRefresher.Status> statuses = statuses();
        if (statuses.isEmpty()) {
            return "not read yet";
        }
        for (SecretRefresher.Status s : statuses) {
            String part = s.name() + ": " + (s.loaded() ? "read " + s.loadedAt() : "not loaded");
            if (s.failing()) {
                part += s.loaded()
                        ? " (last refresh failed " + s.lastFailureAt() + ": " + s.lastFailure() + "; kept)"
                        : " (" + s.lastFailure() + ")";
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }
}
