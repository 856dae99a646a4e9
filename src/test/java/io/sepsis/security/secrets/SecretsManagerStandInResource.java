package io.sepsis.security.secrets;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link SecretsManagerStandIn} with an API-keys secret before Quarkus, points {@code secrets.*} at it
 * and injects it into test fields of its type (so a test can rotate the secret).
 */
public class SecretsManagerStandInResource implements QuarkusTestResourceLifecycleManager {
    public static final String API_KEYS_SECRET = "sepsis-ews/api-keys";
    public static final String INITIAL_KEYS = "test-secret-key-1";

    private SecretsManagerStandIn aws;

    @Override
    public Map<String, String> start() {
        aws = new SecretsManagerStandIn();
        aws.put(API_KEYS_SECRET, INITIAL_KEYS);
        return Map.of(
                "secrets.api-keys-secret-id", API_KEYS_SECRET,
                "secrets.endpoint-override", aws.endpoint(),
                "secrets.region", SecretsManagerStandIn.REGION,
                "secrets.refresh-interval", "1h"); // tests refresh explicitly
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(aws, new TestInjector.MatchesType(SecretsManagerStandIn.class));
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.close();
        }
    }
}
