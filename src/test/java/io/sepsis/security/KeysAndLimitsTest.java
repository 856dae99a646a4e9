package io.sepsis.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sepsis.api.Problem;
import io.sepsis.security.secrets.SecretsManagerStandIn;
import io.sepsis.security.secrets.SecretsManagerStandInResource;
import io.sepsis.security.secrets.SecretsService;

/**
 * Over HTTP, with API keys also in a Secrets Manager stand-in and a limit of {@value KeysAndLimitsProfile#LIMIT}
 * requests per minute per key: keys from the secret work and rotate without restart, /health reports the secret,
 * a key over its limit gets 429 with Retry-After, and usage per key id shows in /performance and /q/metrics.
 * Each key is used at most {@value KeysAndLimitsProfile#LIMIT} times across these tests except where the limit is
 * the point.
 */
@QuarkusTest
@TestProfile(KeysAndLimitsProfile.class)
class KeysAndLimitsTest {
    static final String SECRET = SecretsManagerStandInResource.API_KEYS_SECRET;

    SecretsManagerStandIn aws; // injected by SecretsManagerStandInResource

    @Inject
    SecretsService secrets;

    static Response echo(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"HR\": 80}")
                .when().post("/test-echo");
    }

    @Test
    void keys_from_the_secret_are_accepted_alongside_environment_keys_and_health_reports_the_secret() {
        aws.put(SECRET, "test-secret-key-1");
        assertTrue(secrets.refreshNow());

        echo("test-secret-key-1").then().statusCode(200);
        echo("test-key-1").then().statusCode(200);
        given().when().get("/health").then().statusCode(200)
                .body("components.secrets.ready", equalTo(true))
                .body("components.secrets.detail", startsWith("api_keys: read "))
                .body(not(containsString(SECRET)));
    }

    @Test
    void a_rotation_in_the_secret_applies_at_the_next_refresh_without_restart() {
        aws.put(SECRET, "test-secret-key-2");
        echo("test-secret-key-2").then().statusCode(401); // not refreshed yet

        assertTrue(secrets.refreshNow());
        echo("test-secret-key-2").then().statusCode(200);
        echo("test-secret-key-1").then().statusCode(401); // removed from the secret
        echo("test-key-2x").then().statusCode(401);
    }

    @Test
    void over_the_limit_a_key_gets_429_problem_with_retry_after_and_other_keys_and_open_endpoints_do_not() {
        String key = "test-key-2";
        for (int i = 0; i < KeysAndLimitsProfile.LIMIT; i++) {
            echo(key).then().statusCode(200);
        }
        Response refused = echo(key).then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_RATE_LIMITED))
                .body("status", equalTo(429))
                .body("detail", containsString(KeysAndLimitsProfile.LIMIT + " requests per minute per API key"))
                .body(not(containsString(key)))
                .extract().response();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(refused.header("X-Request-Id"), refused.path("request_id"));

        for (int i = 0; i < KeysAndLimitsProfile.LIMIT + 2; i++) {
            given().when().get("/health").then().statusCode(200); // open endpoints are never limited
        }
        String id = ApiKeyMatcher.keyId(key);
        given().header("X-API-Key", "test-key-1").when().get("/performance").then().statusCode(200)
                .body("api_keys.'" + id + "'.rate_limited", greaterThanOrEqualTo(1))
                .body("api_keys.'" + id + "'.endpoints.'POST /test-echo'",
                        greaterThanOrEqualTo(KeysAndLimitsProfile.LIMIT + 1));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("api_key_requests_total{")
                && l.contains("key_id=\"" + id + "\"") && l.contains("outcome=\"rate_limited\"")
                && l.contains("endpoint=\"POST /test-echo\"")), "Prometheus line for the refused requests");
        assertTrue(metrics.contains("secrets_refresh_total{"), "secrets refresh counters exported");
    }

    @Test
    void usage_is_reported_by_key_id_never_by_key() {
        String body = given().header("X-API-Key", "test-key-1").when().get("/performance")
                .then().statusCode(200)
                .body("api_keys.'" + ApiKeyMatcher.keyId("test-key-1") + "'.endpoints.'GET /performance'",
                        greaterThanOrEqualTo(1))
                .extract().asString();
        assertTrue(!body.contains("test-key-1") && !body.contains("test-secret-key"), body);
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        assertTrue(!metrics.contains("test-key-1") && !metrics.contains("test-secret-key"));
    }

    @Test
    void openapi_documents_429_on_protected_operations_only() {
        given().when().get("/openapi.json").then().statusCode(200)
                .body("paths.'/test-echo'.post.responses.'429'.'$ref'",
                        equalTo("#/components/responses/TooManyRequests"))
                .body("paths.'/health'.get.responses", not(org.hamcrest.Matchers.hasKey("429")))
                .body("components.responses.TooManyRequests.headers", org.hamcrest.Matchers.hasKey("Retry-After"));
    }
}
