package io.sepsis.guardrail.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /genai-guardrail/thresholds and POST /genai-guardrail/reload as a client sees them. */
@QuarkusTest
class GuardrailResourceTest {
    static final String KEY = "test-key-1";
    static final Path FILE = Path.of("target/test-classes/test-guardrail.json");

    static io.restassured.specification.RequestSpecification api() {
        return given().header("X-API-Key", KEY).contentType(ContentType.JSON);
    }

    @Test
    void thresholds_show_the_live_configuration_with_version_load_time_and_source() {
        Response r = api().get("/genai-guardrail/thresholds");
        r.then().statusCode(200)
                .body("version", equalTo("sepsis-guardrail-test.1"))
                .body("loaded_at", notNullValue())
                .body("source", equalTo("target/test-classes/test-guardrail.json"))
                .body("thresholds", hasSize(60))
                .body("thresholds[0].id", equalTo("sbp_critical"))
                .body("thresholds[0].operator", equalTo("<="))
                .body("thresholds[0].source", startsWith("International Sepsis Definitions Conference 2001"))
                .body("combined_criteria.id", hasItems("septic_shock", "dic", "hypertensive_hypotension"))
                .body("decision.override.risk_score", equalTo(95))
                .body("notes.abbreviations.AMS", equalTo("altered mental status"));
        assertEquals(r.header("X-Request-Id"), r.path("request_id"));
    }

    @Test
    void the_endpoints_need_an_api_key_and_are_listed_at_the_root() {
        given().get("/genai-guardrail/thresholds").then().statusCode(401);
        given().post("/genai-guardrail/reload").then().statusCode(401);
        given().get("/").then().statusCode(200)
                .body("endpoints.path", hasItems("/genai-guardrail/thresholds", "/genai-guardrail/reload"));
    }

    @Test
    void health_reports_the_guardrail_configuration() {
        given().get("/health").then().statusCode(200)
                .body("components.guardrail_config.ready", equalTo(true))
                .body("components.guardrail_config.detail", equalTo("sepsis-guardrail-test.1"));
    }

    @Test
    void reload_swaps_a_valid_file_and_refuses_an_invalid_one_keeping_the_old() throws Exception {
        String original = Files.readString(FILE);
        try {
            Files.writeString(FILE, original.replace("\"operator\": \"<=\",\n      \"value\": 90",
                    "\"operator\": \"=<\",\n      \"value\": 90").replace("\"source\": \"clinical reference v3.0 "
                    + "(local consensus)\"\n    },\n    {\n      \"id\": \"lactate_elevated\"", "\"source\": \" \"\n    },"
                    + "\n    {\n      \"id\": \"lactate_elevated\""));
            api().post("/genai-guardrail/reload").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sepsis:problem:invalid-config"))
                    .body("detail", equalTo("Guardrail configuration refused (2 errors); version "
                            + "sepsis-guardrail-test.1 stays live"))
                    .body("errors.field", hasItems("thresholds[0].operator", "thresholds[3].source"))
                    .body("errors.message", hasItem("unknown operator '=<' (use <, <=, >, >=, ==)"))
                    .body("request_id", notNullValue());
            api().get("/genai-guardrail/thresholds").then().body("version", equalTo("sepsis-guardrail-test.1"))
                    .body("thresholds[0].operator", equalTo("<="));
            given().get("/health").then().body("components.guardrail_config.detail",
                    startsWith("sepsis-guardrail-test.1 (last reload refused"));

            Files.writeString(FILE, original.replace("\"sepsis-guardrail-test.1\"", "\"sepsis-guardrail-test.2\""));
            api().post("/genai-guardrail/reload").then().statusCode(200)
                    .body("version", equalTo("sepsis-guardrail-test.2"))
                    .body("previous_version", equalTo("sepsis-guardrail-test.1"))
                    .body("thresholds", hasSize(60));
            api().get("/genai-guardrail/thresholds").then().body("version", equalTo("sepsis-guardrail-test.2"));
        } finally {
            Files.writeString(FILE, original);
            api().post("/genai-guardrail/reload").then().statusCode(200);
        }
    }

    @Test
    void openapi_documents_both_endpoints_with_examples() {
        given().get("/openapi.json").then().statusCode(200)
                .body("paths.'/genai-guardrail/thresholds'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/genai-guardrail/reload'.post.responses.'422'.content.'application/problem+json'"
                        + ".examples", notNullValue());
    }
}
