package io.sepsis.security.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A local stand-in for AWS Secrets Manager's {@code GetSecretValue}, speaking its wire protocol (AWS JSON 1.1):
 * {@code POST /} with {@code X-Amz-Target: secretsmanager.GetSecretValue} and body {@code {"SecretId": ...}};
 * answers {@code {"ARN", "Name", "SecretString", "VersionId", "VersionStages", "CreatedDate"}}, or a 400
 * {@code {"__type": "ResourceNotFoundException", ...}} for an unknown id, as the service does. WireMock on 127.0.0.1,
 * dynamic port; the SDK client under test signs with the fake credentials {@link #CREDENTIALS}.
 */
public final class SecretsManagerStandIn implements AutoCloseable {
    public static final String TARGET = "secretsmanager.GetSecretValue";
    public static final String REGION = "eu-west-1";
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Map<String, StubMapping> stubs = new HashMap<>();

    public SecretsManagerStandIn() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        // Any secret not stubbed below: the service's answer for an unknown id.
        server.stubFor(getSecretValue().atPriority(10).willReturn(error(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A new version of {@code secretId} holding {@code secretString}; returns its version id. */
    public synchronized String put(String secretId, String secretString) {
        String versionId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "ARN", "arn:aws:secretsmanager:" + REGION + ":000000000000:secret:" + secretId + "-AbCdEf",
                "Name", secretId,
                "SecretString", secretString,
                "VersionId", versionId,
                "VersionStages", List.of("AWSCURRENT"),
                "CreatedDate", System.currentTimeMillis() / 1000.0);
        try {
            replace(secretId, aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                    .withBody(JSON.writeValueAsString(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return versionId;
    }

    /** The secret is gone: ResourceNotFoundException, as for an id never created. */
    public synchronized void delete(String secretId) {
        replace(secretId, error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
    }

    /** The service fails for this secret (e.g. 500 InternalServiceError, 400 AccessDeniedException). */
    public synchronized void fail(String secretId, int status, String type) {
        replace(secretId, error(status, type, "stand-in failure"));
    }

    /** GetSecretValue requests received for {@code secretId}. */
    public List<LoggedRequest> requests(String secretId) {
        return server.findAll(calls().withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId))));
    }

    public List<LoggedRequest> allRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")));
    }

    public void resetRequests() {
        server.resetRequests();
    }

    private void replace(String secretId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        StubMapping old = stubs.remove(secretId);
        if (old != null) {
            server.removeStub(old);
        }
        stubs.put(secretId, server.stubFor(getSecretValue().atPriority(1)
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId))).willReturn(answer)));
    }

    private static MappingBuilder getSecretValue() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET));
    }

    private static RequestPatternBuilder calls() {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type,
                                                                                          String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
