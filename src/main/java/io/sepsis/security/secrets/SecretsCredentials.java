package io.sepsis.security.secrets;

import jakarta.inject.Singleton;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * AWS credentials of the Secrets Manager client: the SDK's default chain (App Runner instance role or ECS task role,
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a profile). Resolved at the first call, so nothing is
 * looked up when no secret id is configured. A bean so that a test profile can enable an alternative with static
 * fake credentials for its local stand-in.
 */
@Singleton
public class SecretsCredentials {
    public AwsCredentialsProvider provider() {
        return DefaultCredentialsProvider.builder().build();
    }
}
