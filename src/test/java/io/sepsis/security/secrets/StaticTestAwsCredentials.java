package io.sepsis.security.secrets;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Fake static credentials for the local stand-in; enabled only by test profiles that list it. */
@Alternative
@Singleton
public class StaticTestAwsCredentials extends SecretsCredentials {
    @Override
    public AwsCredentialsProvider provider() {
        return SecretsManagerStandIn.CREDENTIALS;
    }
}
