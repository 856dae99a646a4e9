package io.sepsis.security.secrets;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * {@code secretsmanager:GetSecretValue} through the plain AWS SDK client on the URLConnection HTTP client (a call
 * every few minutes needs no connection pool). Each call is bounded (3 s per attempt, 10 s with the SDK's retries),
 * so neither start-up nor the refresh thread can hang on an unreachable endpoint. Failures become
 * {@link SecretFetchException}s carrying the AWS error code or an exception class name, never a message that could
 * echo a response body.
 */
public final class AwsSecretsManagerSource implements SecretSource {
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final SecretsManagerClient client;

    /**
     * @param region           region name, or null for the SDK's default chain ({@code AWS_REGION}, profile, IMDS)
     * @param endpointOverride base URL of a stand-in or VPC endpoint, or null
     * @param credentials      the SDK's default chain in production, static fake credentials in tests
     */
    public AwsSecretsManagerSource(String region, String endpointOverride, AwsCredentialsProvider credentials) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT));
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.strip()));
        }
        if (endpointOverride != null && !endpointOverride.isBlank()) {
            builder.endpointOverride(URI.create(endpointOverride.strip()));
        }
        this.client = builder.build();
    }

    /** The configured region, else the region of the first ARN-shaped secret id, else empty (SDK default chain). */
    public static Optional<String> region(Optional<String> configured, Collection<String> secretIds) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.map(String::strip);
        }
        for (String id : secretIds) {
            String[] parts = id.split(":");
            if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("secretsmanager")
                    && !parts[3].isEmpty()) {
                return Optional.of(parts[3]);
            }
        }
        return Optional.empty();
    }

    @Override
    public SecretValue fetch(String secretId) throws SecretFetchException {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(r -> r.secretId(secretId));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new SecretFetchException((code == null ? "service error" : code) + " (HTTP " + e.statusCode() + ")");
        } catch (SdkException e) {
            throw new SecretFetchException(describe(e));
        }
        if (response.secretString() == null) {
            throw new SecretFetchException("the secret has no SecretString (binary secrets are not supported)");
        }
        return new SecretValue(response.secretString(), response.versionId());
    }

    /** Client-side failures: the two configuration mistakes by name, anything else by its root cause's class. */
    static String describe(SdkException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials (instance or task role, or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)";
        }
        if (message.startsWith("Unable to load region")) {
            return "no AWS region (set AWS_REGION)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "not reachable (" + root.getClass().getSimpleName() + ")";
    }

    @Override
    public void close() {
        client.close();
    }
}
