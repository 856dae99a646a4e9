package io.sepsis.ops.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Operators see latency and errors per endpoint at /performance (key) and Prometheus SLO buckets at /q/metrics (open). */
@QuarkusTest
class PerformanceResourceTest {
    static final String KEY = "test-key-1";

    @Test
    void performance_reports_counts_errors_and_percentiles_per_endpoint() {
        for (int i = 0; i < 5; i++) {
            given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": 90}").post("/classify")
                    .then().statusCode(200);
        }
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": -1}").post("/classify")
                .then().statusCode(400);
        given().header("X-API-Key", KEY).get("/performance").then().statusCode(200)
                .body("uptime_seconds", greaterThanOrEqualTo(0))
                .body("endpoints.'POST /classify'.requests", greaterThanOrEqualTo(6))
                .body("endpoints.'POST /classify'.client_errors", greaterThanOrEqualTo(1))
                .body("endpoints.'POST /classify'.p50_ms", notNullValue())
                .body("endpoints.'POST /classify'.p99_ms", notNullValue())
                .body("llm.provider", notNullValue());
    }

    @Test
    void performance_needs_a_key_and_prometheus_text_has_slo_buckets() {
        given().get("/performance").then().statusCode(401);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": 90}").post("/classify");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("uri=\"/classify\""))
                .body(containsString("le=\"0.005\""));
    }
}
