package io.sepsis.security.secrets;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code secrets.*}: which AWS Secrets Manager secrets hold API keys and LLM keys, and how often they are re-read.
 * Environment names (application.properties): {@code API_KEYS_SECRET_ID}, {@code AZURE_OPENAI_API_KEY_SECRET_ID},
 * {@code OPENAI_API_KEY_SECRET_ID}, {@code SECRETS_REFRESH_INTERVAL}, {@code AWS_REGION}. With no secret id set
 * nothing is read from AWS and no AWS credentials are needed.
 */
@ConfigMapping(prefix = "secrets")
public interface SecretsConfig {

    /** Secret (name or ARN) whose SecretString is {@code k1,k2} or {@code {"API_KEYS": "k1,k2"}}. */
    Optional<String> apiKeysSecretId();

    /** Secret whose SecretString is the Azure OpenAI key, or {@code {"AZURE_OPENAI_API_KEY": "..."}}. */
    Optional<String> azureOpenaiApiKeySecretId();

    /** Secret whose SecretString is the OpenAI-compatible server's key, or {@code {"OPENAI_API_KEY": "..."}}. */
    Optional<String> openaiApiKeySecretId();

    /** How often the secrets are re-read (default 5 minutes, at least 10 seconds). */
    @WithDefault("5m")
    Duration refreshInterval();

    /** Region of the secrets; unset: the region in an ARN-shaped secret id, else the AWS SDK's default chain. */
    Optional<String> region();

    /** Only for tests and VPC interface endpoints without private DNS. */
    Optional<String> endpointOverride();
}
