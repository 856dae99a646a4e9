package io.sepsis.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The API keys accepted right now: the environment's ({@code API_KEYS}, {@code API_KEY}; fixed for the life of the
 * process) united with those of the Secrets Manager secret {@code API_KEYS_SECRET_ID}, which
 * {@code io.sepsis.security.secrets} replaces on every successful refresh. The union is one immutable
 * {@link ApiKeyMatcher} swapped whole through an {@link AtomicReference}: a request sees the old set or the new one,
 * never half of each. Only digests and key ids are held; keys are never logged.
 */
@Singleton
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final ApiKeyMatcher fromEnvironment;
    private final AtomicReference<ApiKeyMatcher> accepted;
    private volatile ApiKeyMatcher fromSecret = ApiKeyMatcher.none();

    @Inject
    ApiKeys(ApiKeyConfig config) {
        this(ApiKeyMatcher.fromCommaSeparated(Arrays.asList(config.keys().orElse(null), config.key().orElse(null))));
    }

    public ApiKeys(ApiKeyMatcher fromEnvironment) {
        this.fromEnvironment = fromEnvironment;
        this.accepted = new AtomicReference<>(fromEnvironment);
    }

    /** The keys accepted now (environment ∪ secret). */
    public ApiKeyMatcher current() {
        return accepted.get();
    }

    public ApiKeyMatcher fromEnvironment() {
        return fromEnvironment;
    }

    public ApiKeyMatcher fromSecret() {
        return fromSecret;
    }

    /**
     * The secret's keys become {@code secretKeys}: keys no longer in it are refused from the next request on, the
     * environment's stay. Logs the ids added and removed when the set changed.
     */
    public synchronized void replaceSecretKeys(ApiKeyMatcher secretKeys) {
        List<String> added = new ArrayList<>(secretKeys.keyIds());
        added.removeAll(fromSecret.keyIds());
        List<String> removed = new ArrayList<>(fromSecret.keyIds());
        removed.removeAll(secretKeys.keyIds());
        fromSecret = secretKeys;
        accepted.set(fromEnvironment.union(secretKeys));
        if (!added.isEmpty() || !removed.isEmpty()) {
            LOG.infof("API keys from the secret changed: added ids %s, removed ids %s; %d key(s) accepted", added,
                    removed, accepted.get().size());
        }
    }

    /** After the secrets' first load (their observer runs earlier), so the count includes the secret's keys. */
    void logKeysAtStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        ApiKeyMatcher now = current();
        if (now.isEmpty()) {
            LOG.warn("No API key accepted (API_KEYS / API_KEY unset and no keys loaded from API_KEYS_SECRET_ID): "
                    + "every protected endpoint answers 401 until one is");
        } else {
            LOG.infof("%d API key(s) accepted, ids %s (%d from the environment, %d from the secret)", now.size(),
                    now.keyIds(), fromEnvironment.size(), fromSecret.size());
        }
    }
}
