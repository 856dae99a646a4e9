package io.sepsis.ops.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
    void genai_decisions_show_in_performance_and_prometheus_with_the_degraded_reason() {
        // LLM_PROVIDER=none in tests: every decision is degraded with reason llm_disabled, never an error
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"vitals\": {\"HR\": 118, \"SBP\": 85, \"Lactate\": 4.2}}").post("/genai-classify")
                .then().statusCode(200).body("status", equalTo("degraded"));
        given().header("X-API-Key", KEY).get("/performance").then().statusCode(200)
                .body("genai.decisions.degraded", greaterThanOrEqualTo(1))
                .body("genai.degraded_by_reason.llm_disabled", greaterThanOrEqualTo(1))
                .body("genai.llm_estimated_cost_usd", nullValue());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sepsis_genai_degraded_total{reason=\"llm_disabled\"}"))
                .body(containsString("sepsis_genai_decisions_total{decided_by=\"ml_baseline+guardrail\",status=\"degraded\"}"))
                .body(containsString("sepsis_config_info{component=\"ml_thresholds\""));
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
