package io.sepsis.genai.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The GenAI pathway over HTTP on the embedded default (LLM_PROVIDER=none): degraded, deterministic, never an error. */
@QuarkusTest
class GenaiResourceTest {
    static final String KEY = "test-key-1";

    @Test
    void contract_example_degrades_to_the_deterministic_result_with_versions() {
        Response r = given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(GenaiExamples.REQUEST)
                .post("/genai-classify");
        r.then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("degraded_reason", equalTo("llm_disabled"))
                .body("decided_by", equalTo("ml_baseline+guardrail"))
                .body("risk_score", greaterThanOrEqualTo(80))
                .body("alert_level", equalTo("CRITICAL"))
                .body("alert_color", equalTo("red"))
                .body("llm", nullValue())
                .body("llm_initial_risk_score", nullValue())
                .body("guardrail_version", notNullValue())
                .body("prompt_version", notNullValue())
                .body("ml_baseline.model_version", notNullValue())
                .body("history_context.size()", greaterThanOrEqualTo(1))
                .body("discordance.category", hasItem("perfusion"))
                .body("clinical_scores.qsofa.score", greaterThanOrEqualTo(2));
        assertEquals(r.header("X-Request-Id"), r.path("request_id"));
    }

    @Test
    void batch_returns_input_order_with_per_item_errors() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(GenaiExamples.BATCH_REQUEST)
                .post("/genai-classify-batch").then().statusCode(200)
                .body("count", equalTo(2))
                .body("results[0].result.patient_id", equalTo("A"))
                .body("results[0].patient_id", equalTo("A"))
                .body("results[1].patient_id", equalTo("B"))
                .body("results[1].error.status", equalTo(400))
                .body("results[1].error.errors[0].field", equalTo("patients[1].vitals.HR"));
    }

    @Test
    void bad_vitals_are_400_problem_and_a_missing_key_is_401() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"vitals\": {\"SBP\": -4}}")
                .post("/genai-classify").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("vitals.SBP"));
        given().contentType(ContentType.JSON).body(GenaiExamples.REQUEST).post("/genai-classify")
                .then().statusCode(401);
    }

    @Test
    void genai_health_is_open_and_never_calls_the_llm() {
        given().get("/genai-health").then().statusCode(200)
                .body("status", equalTo("disabled"))
                .body("provider", equalTo("none"))
                .body("circuit_breaker", equalTo("closed"))
                .body("guardrail_version", notNullValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_in_openapi_documents_an_example_response_and_every_body_an_example_request() {
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths =
                given().get("/openapi.json").then().statusCode(200).extract().path("paths");
        java.util.List<String> missing = new java.util.ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (path.startsWith("/test-")) {
                return; // test-only resources
            }
            java.util.Map<String, Object> ok = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                    op.get("responses")).get("200");
            if (ok == null || !String.valueOf(ok.get("content")).contains("examples")) {
                missing.add(method + " " + path + " (response)");
            }
            Object body = op.get("requestBody");
            if (body != null && !String.valueOf(body).contains("examples")) {
                missing.add(method + " " + path + " (request)");
            }
        }));
        assertEquals(java.util.List.of(), missing);
    }
}
