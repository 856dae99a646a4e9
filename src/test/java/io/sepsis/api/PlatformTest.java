package io.sepsis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The platform as a client sees it: auth, problem+json errors, request ids, limits, health, OpenAPI. */
@QuarkusTest
class PlatformTest {
    private static final String KEY = "test-key-1";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    // ---- auth ------------------------------------------------------------------------------------------------------

    @Test
    void rejects_request_without_api_key() {
        Response r = given().contentType(ContentType.JSON).body("{\"HR\": 80}")
                .when().post("/test-echo")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo(Problem.TYPE_UNAUTHORIZED))
                .body("title", equalTo("Unauthorized"))
                .header("X-Request-Id", matchesPattern(UUID))
                .extract().response();
        assertEquals(r.header("X-Request-Id"), r.path("request_id"));
    }

    @Test
    void rejects_wrong_api_key() {
        given().header("X-API-Key", "test-key-1x").contentType(ContentType.JSON).body("{}")
                .when().post("/test-echo")
                .then().statusCode(401).contentType("application/problem+json")
                .body(not(containsString("test-key")));
    }

    @Test
    void accepts_every_configured_key_for_rotation() {
        for (String key : new String[] { "test-key-1", "test-key-2" }) {
            given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"HR\": 80}")
                    .when().post("/test-echo")
                    .then().statusCode(200).body("HR", equalTo(80.0f));
        }
    }

    @Test
    void operations_endpoints_are_open() {
        given().when().get("/").then().statusCode(200)
                .body("name", equalTo("sepsis-ews"))
                .body("version", notNullValue())
                .body("endpoints.path", hasItem("/classify"))
                .body("request_id", matchesPattern(UUID));
        given().when().get("/openapi.json").then().statusCode(200);
        given().when().get("/docs").then().statusCode(200).contentType(containsString("html"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    // ---- request ids -----------------------------------------------------------------------------------------------

    @Test
    void echoes_a_safe_request_id_and_resources_see_it() {
        given().header("X-API-Key", KEY).header("X-Request-Id", "lab-system.42_A")
                .when().get("/test-echo/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", "lab-system.42_A")
                .body(equalTo("lab-system.42_A"));
    }

    @Test
    void replaces_an_unsafe_request_id_with_a_generated_one() {
        Response r = given().header("X-API-Key", KEY).header("X-Request-Id", "P001 <script>")
                .when().get("/test-echo/request-id")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID))
                .extract().response();
        assertEquals(r.header("X-Request-Id"), r.asString());
        given().header("X-Request-Id", "x".repeat(65)).when().get("/health")
                .then().header("X-Request-Id", matchesPattern(UUID));
    }

    // ---- errors ----------------------------------------------------------------------------------------------------

    @Test
    void unknown_path_is_404_problem_with_request_id() {
        given().header("X-API-Key", KEY).when().get("/no-such-endpoint")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void wrong_method_and_media_type_are_problems() {
        given().header("X-API-Key", KEY).when().delete("/health")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        given().header("X-API-Key", KEY).contentType(ContentType.TEXT).body("HR=80")
                .when().post("/test-echo")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void a_405_and_an_options_answer_name_the_methods_the_path_allows() {
        given().header("X-API-Key", KEY).when().get("/classify")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "POST, OPTIONS");
        given().header("X-API-Key", KEY).when().delete("/health")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        // Several classes share @Path("/"): the answer is this path's methods, not every method of those classes.
        given().header("X-API-Key", KEY).when().options("/classify")
                .then().statusCode(200).header("Allow", "POST, OPTIONS");
    }

    @Test
    void head_of_an_open_endpoint_needs_no_key_and_of_a_protected_one_does() {
        given().when().head("/").then().statusCode(200);
        given().when().head("/config/current").then().statusCode(401);
    }

    @Test
    void malformed_json_is_400_problem_naming_where() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"history\": [{\"HR\": 90}, {\"HR\": P001secret}]}")
                .when().post("/test-echo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_MALFORMED_JSON))
                .body("detail", containsString("history[1].HR"))
                .body(not(containsString("P001secret")))
                .header("X-Request-Id", notNullValue());
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": 90")
                .when().post("/test-echo").then().statusCode(400).contentType("application/problem+json");
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": NaN}")
                .when().post("/test-echo").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("HR"));
    }

    @Test
    void same_key_twice_is_400_not_last_one_wins() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": 60, \"HR\": 150}")
                .when().post("/test-echo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("duplicate"));
    }

    @Test
    void wrong_json_type_for_a_bound_number_is_400_naming_the_field() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"HR\": \"abc-secret\"}")
                .when().post("/test-echo/typed")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("HR"))
                .body("errors[0].message", equalTo("must be a number"))
                .body(not(containsString("abc-secret")));
    }

    @Test
    void implausible_values_are_400_with_field_paths_and_unit_hints() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"patient_id\": \"P9\", \"HR\": -5, \"Temp\": 101.3, \"foo\": 1,"
                        + " \"history\": [{\"HR\": 80}, {\"O2Sat\": 130}]}")
                .when().post("/test-echo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_VALIDATION))
                .body("errors.field", hasItem("HR"))
                .body("errors.field", hasItem("history[1].O2Sat"))
                .body("errors.find { it.field == 'Temp' }.message", containsString("°F"))
                .body(not(containsString("P9")));
    }

    @Test
    void unknown_fields_are_warnings() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"patient_id\": \"P9\", \"heart_rate\": 88, \"foo\": 1}")
                .when().post("/test-echo")
                .then().statusCode(200)
                .body("HR", equalTo(88.0f))
                .body("warnings", equalTo(List.of("unknown field 'foo' ignored")));
    }

    @Test
    void deeply_nested_json_is_400_not_a_crash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body("{\"history\": " + deep + "}")
                .when().post("/test-echo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nested too deeply"));
    }

    @Test
    void body_over_2_mb_is_413_problem() {
        byte[] tenMb = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMb, (byte) ' ');
        tenMb[0] = '{';
        tenMb[tenMb.length - 1] = '}';
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(tenMb)
                .when().post("/test-echo")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo(Problem.TYPE_PAYLOAD_TOO_LARGE))
                .header("X-Request-Id", notNullValue());
        // chunked: no Content-Length, the limit applies while reading
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(new ByteArrayInputStream(tenMb))
                .when().post("/test-echo")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        // and a chunked body under the limit still reaches the resource
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream("{\"HR\": 72}".getBytes(StandardCharsets.UTF_8)))
                .when().post("/test-echo")
                .then().statusCode(200).body("HR", equalTo(72.0f));
    }

    @Test
    void unexpected_failure_is_500_with_request_id_and_no_internals() {
        Response r = given().header("X-API-Key", KEY).when().get("/test-echo/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_INTERNAL))
                .body(not(containsString("P001")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("secret")))
                .extract().response();
        assertEquals(r.header("X-Request-Id"), r.path("request_id"));
    }

    // ---- operations ------------------------------------------------------------------------------------------------

    @Test
    void health_is_200_healthy_when_model_and_thresholds_are_loaded() {
        given().when().get("/health")
                .then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("components.model.ready", equalTo(true))
                .body("components.ml_thresholds.ready", equalTo(true))
                .body("request_id", notNullValue());
    }

    @Test
    void openapi_declares_the_api_key_scheme_and_open_endpoints_opt_out() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("components.securitySchemes.ApiKeyAuth.type", equalTo("apiKey"))
                .body("components.securitySchemes.ApiKeyAuth.in", equalTo("header"))
                .body("components.securitySchemes.ApiKeyAuth.name", equalTo("X-API-Key"))
                .body("security[0]", hasKey("ApiKeyAuth"))
                .body("paths.'/health'.get.security.size()", equalTo(0))
                .body("paths.'/health'.get.responses", not(hasKey("401")))
                .body("paths.'/test-echo'.post.responses.'401'.'$ref'", equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/test-echo'.post.responses.'413'.'$ref'", equalTo("#/components/responses/PayloadTooLarge"))
                .body("components.schemas.Problem.properties", hasKey("request_id"))
                .body("info.title", startsWith("Sepsis"));
    }
}
