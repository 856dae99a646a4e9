package io.sepsis.ops.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sepsis.guardrail.Shipped;
import io.sepsis.testsupport.S3rver;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The service wired to S3 as an operator would wire it (quarkus-amazon-s3 client, ML_THRESHOLDS_S3_URI and
 * GUARDRAIL_CONFIG_S3_URI) against a real S3-compatible server: versions and sources show in the endpoints, an
 * explicit reload checks the object at once, a bad object is refused with 422 and the live version kept.
 */
@QuarkusTest
@TestProfile(SharedS3ConfigTest.Profile.class)
class SharedS3ConfigTest {
    static final String KEY = "test-key-1";
    static final String THRESHOLDS = "shared/ml-thresholds.json";
    static final String GUARDRAIL = "shared/sepsis-guardrail.json";

    static volatile S3rver s3;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                s3 = S3rver.start("sepsis-fleet-config");
                s3.put(THRESHOLDS, thresholds("fleet-1", 0.0255));
                s3.put(GUARDRAIL, Shipped.text().replace("\"sepsis-guardrail-2026-11-23.1\"", "\"fleet-g1\""));
            } catch (Exception e) {
                throw new IllegalStateException("s3rver did not start", e);
            }
            return Map.of(
                    "ml.thresholds.s3-uri", s3.uri(THRESHOLDS),
                    "guardrail.config.s3-uri", s3.uri(GUARDRAIL),
                    "config.poll-interval", "1h", // explicit reloads here; polling is SharedConfigConvergenceTest's
                    "quarkus.s3.endpoint-override", s3.endpoint().toString(),
                    "quarkus.s3.path-style-access", "true",
                    "quarkus.s3.aws.region", "us-east-1",
                    "quarkus.s3.aws.credentials.type", "static",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", S3rver.ACCESS_KEY,
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", S3rver.SECRET_KEY);
        }

        @Override
        public void stop() {
            try {
                s3.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String thresholds(String version, double alert) throws Exception {
        String shipped = Files.readString(Path.of("config/ml-thresholds.json"));
        return shipped.replaceFirst("\"version\"\\s*:\\s*\"[^\"]+\"", "\"version\": \"" + version + "\"")
                .replaceFirst("\"alert_threshold\"\\s*:\\s*[0-9.]+", "\"alert_threshold\": " + alert);
    }

    @Test
    void thresholds_and_guardrail_come_from_s3_and_reload_on_request() throws Exception {
        given().header("X-API-Key", KEY).get("/config/current").then().statusCode(200)
                .body("version", equalTo("fleet-1"))
                .body("source", startsWith(s3.uri(THRESHOLDS) + " (ETag "));
        given().header("X-API-Key", KEY).get("/genai-guardrail/thresholds").then().statusCode(200)
                .body("version", equalTo("fleet-g1"))
                .body("source", startsWith(s3.uri(GUARDRAIL)));
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"));

        s3.put(THRESHOLDS, thresholds("fleet-2", 0.03));
        given().header("X-API-Key", KEY).post("/reload-config").then().statusCode(200)
                .body("version", equalTo("fleet-2")).body("previous_version", equalTo("fleet-1"))
                .body("alert_threshold", equalTo(0.03f));
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"patient_id\": \"p-1\", \"HR\": 90}").post("/classify").then().statusCode(200)
                .body("thresholds_version", equalTo("fleet-2"));

        s3.put(THRESHOLDS, "{\"version\": \"broken\", \"alert_threshold\": 2}");
        given().header("X-API-Key", KEY).post("/reload-config").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("version fleet-2 stays live"));
        given().header("X-API-Key", KEY).get("/config/current").then().statusCode(200)
                .body("version", equalTo("fleet-2"));

        s3.put(GUARDRAIL, Shipped.text().replace("\"sepsis-guardrail-2026-11-23.1\"", "\"fleet-g2\""));
        given().header("X-API-Key", KEY).post("/genai-guardrail/reload").then().statusCode(200)
                .body("version", equalTo("fleet-g2")).body("previous_version", equalTo("fleet-g1"));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sepsis_config_info{component=\"ml_thresholds\",version=\"fleet-2\"} 1.0"))
                .body(containsString("sepsis_config_info{component=\"guardrail_config\",version=\"fleet-g2\"} 1.0"))
                .body(containsString("sepsis_config_reloads_total{component=\"ml_thresholds\",outcome=\"refused\"} 1.0"));
    }
}
