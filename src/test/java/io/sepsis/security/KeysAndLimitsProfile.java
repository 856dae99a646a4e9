package io.sepsis.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.sepsis.security.secrets.SecretsManagerStandInResource;
import io.sepsis.security.secrets.StaticTestAwsCredentials;

/**
 * The one profile for the secrets and rate-limit features over HTTP (one extra Quarkus start): API keys also from a
 * Secrets Manager stand-in, and a small per-key limit.
 */
public class KeysAndLimitsProfile implements QuarkusTestProfile {
    public static final int LIMIT = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rate-limit.per-key-per-minute", String.valueOf(LIMIT));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(StaticTestAwsCredentials.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SecretsManagerStandInResource.class));
    }
}
