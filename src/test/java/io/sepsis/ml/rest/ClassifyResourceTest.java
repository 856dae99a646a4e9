package io.sepsis.ml.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ML pathway as a client sees it, on the shipped model. */
@QuarkusTest
class ClassifyResourceTest {
    static final String KEY = "test-key-1";

    static io.restassured.specification.RequestSpecification api() {
        return given().header("X-API-Key", KEY).contentType(ContentType.JSON);
    }

    @Test
    void classifies_the_contract_example_with_every_documented_field() {
        Response r = api().body(MlExamples.CLASSIFY_REQUEST).post("/classify");
        r.then().statusCode(200)
                .body("patient_id", equalTo("P001"))
                .body("sepsis_probability", notNullValue())
                .body("risk_level", notNullValue())
                .body("clinical_scores.qsofa.score", equalTo(2))
                .body("clinical_scores.qsofa.missing", hasItem("GCS"))
                .body("clinical_scores.sirs.score", greaterThanOrEqualTo(3))
                .body("top_factors", hasSize(5))
                .body("top_factors[0].feature", notNullValue())
                .body("history_hours_used", equalTo(2))
                .body("model_version", startsWith("sepsis-xgb-"))
                .body("thresholds_version", notNullValue())
                .body("explanation_method", equalTo("path"));
        assertEquals(r.header("X-Request-Id"), r.path("request_id"));
        double p = ((Number) r.path("sepsis_probability")).doubleValue();
        assertTrue(p > 0 && p < 1, "probability " + p);
        int score = r.path("risk_score");
        assertTrue(score >= 50, "qSOFA 2 floors the score at HIGH, got " + score);
        assertTrue(r.<List<String>>path("escalation_reasons").stream().anyMatch(s -> s.startsWith("qSOFA")));
    }

    /** Swagger UI shows these examples to clinicians: their probabilities must be the shipped model's own. */
    @Test
    void the_openapi_examples_carry_the_probabilities_the_shipped_model_gives() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        double shown = json.readTree(MlExamples.CLASSIFY_RESPONSE).path("sepsis_probability").asDouble();
        double got = ((Number) api().body(MlExamples.CLASSIFY_REQUEST).post("/classify").path("sepsis_probability"))
                .doubleValue();
        assertEquals(shown, got, 5e-6, "CLASSIFY_RESPONSE");
        shown = json.readTree(MlExamples.BATCH_RESPONSE).path("results").path(0).path("result")
                .path("sepsis_probability").asDouble();
        got = ((Number) api().body(MlExamples.BATCH_REQUEST).post("/classify-batch")
                .path("results[0].result.sepsis_probability")).doubleValue();
        assertEquals(shown, got, 5e-6, "BATCH_RESPONSE");
        com.fasterxml.jackson.databind.JsonNode hours = json.readTree(MlExamples.TIMELINE_RESPONSE).path("scores");
        List<Number> timeline = api().body(MlExamples.TIMELINE_REQUEST).post("/classify/timeline")
                .path("scores.sepsis_probability");
        assertEquals(hours.size(), timeline.size());
        for (int h = 0; h < hours.size(); h++) {
            assertEquals(hours.path(h).path("sepsis_probability").asDouble(), timeline.get(h).doubleValue(), 5e-6,
                    "TIMELINE_RESPONSE hour " + h);
        }
    }

    @Test
    void septic_shock_is_never_below_critical() {
        api().body("{\"HR\": 72, \"SBP\": 82, \"DBP\": 50, \"Lactate\": 4.2, \"Temp\": 37.0, \"Resp\": 14}")
                .post("/classify").then().statusCode(200)
                .body("risk_level", equalTo("CRITICAL"))
                .body("risk_score", greaterThanOrEqualTo(80))
                .body("escalation_reasons[0]", containsString("septic shock"));
    }

    @Test
    void a_healthy_snapshot_is_low_without_escalation() {
        api().body("{\"HR\": 72, \"SBP\": 128, \"DBP\": 78, \"Temp\": 36.8, \"Resp\": 14, \"O2Sat\": 98, \"Age\": 45}")
                .post("/classify").then().statusCode(200)
                .body("escalation_reasons", hasSize(0))
                .body("alert", equalTo(false))
                .body("risk_score", lessThanOrEqualTo(49));
    }

    @Test
    void shap_explanations_on_request_and_bad_explain_is_400() {
        api().body(MlExamples.CLASSIFY_REQUEST).queryParam("explain", "shap").post("/classify")
                .then().statusCode(200).body("explanation_method", equalTo("treeshap")).body("top_factors", hasSize(5));
        api().body(MlExamples.CLASSIFY_REQUEST).queryParam("explain", "magic").post("/classify")
                .then().statusCode(400).body("errors[0].field", equalTo("explain"));
    }

    @Test
    void rejects_classify_without_api_key() {
        given().contentType(ContentType.JSON).body(MlExamples.CLASSIFY_REQUEST).post("/classify")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void bad_input_is_400_problem_naming_the_field_never_500() {
        Object[][] cases = {
                {"{\"HR\": -5}", "HR"},
                {"{\"Temp\": 101.3}", "Temp"},
                {"{\"O2Sat\": 130}", "O2Sat"},
                {"{\"HR\": \"abc\"}", "HR"},
                {"{\"HR\": 1e309}", "HR"},
                {"{\"FiO2\": 40}", "FiO2"},
                {"{\"heart_rate\": 80, \"HR\": 81}", "HR"},
                {"{\"HR\": 90, \"history\": [{\"SBP\": 500}]}", "history[0].SBP"},
                {"{\"HR\": 90, \"history\": {\"HR\": 1}}", "history"},
                {"{\"patient_id\": {\"a\": 1}, \"HR\": 90}", "patient_id"},
                {"[1, 2]", "body"},
        };
        for (Object[] c : cases) {
            api().body((String) c[0]).post("/classify").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]))
                    .body("request_id", notNullValue());
        }
        api().body("{\"HR\": NaN}").post("/classify").then().statusCode(400).contentType("application/problem+json");
        api().body("{\"Temp\": 101.3}").post("/classify").then().body("errors[0].message", containsString("°F"));
    }

    @Test
    void history_over_336_rows_is_400() {
        StringBuilder sb = new StringBuilder("{\"HR\": 90, \"history\": [");
        for (int i = 0; i < 337; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"HR\": 80}");
        }
        api().body(sb.append("]}").toString()).post("/classify").then().statusCode(400)
                .body("errors[0].field", equalTo("history"));
    }

    @Test
    void batch_keeps_order_and_reports_invalid_patients_in_place() {
        api().body(MlExamples.BATCH_REQUEST).post("/classify-batch").then().statusCode(200)
                .body("count", equalTo(2))
                .body("error_count", equalTo(1))
                .body("results[0].index", equalTo(0))
                .body("results[0].result.patient_id", equalTo("P001"))
                .body("results[1].index", equalTo(1))
                .body("results[1].result", nullValue())
                .body("results[1].error.status", equalTo(400))
                .body("results[1].error.errors[0].field", equalTo("patients[1].HR"));
    }

    @Test
    void an_invalid_batch_item_echoes_its_id_when_the_id_itself_is_valid() {
        String tooLong = "p".repeat(129);
        api().body("{\"patients\": [{\"patient_id\": 12345, \"HR\": -5}, {\"patient_id\": \"" + tooLong
                        + "\", \"HR\": 80}, {\"patient_id\": \"P3\", \"HR\": \"fast\"}, {\"patient_id\": 7, \"HR\": 80}]}")
                .post("/classify-batch").then().statusCode(200)
                .body("error_count", equalTo(3))
                .body("results[0].patient_id", equalTo("12345"))
                .body("results[0].error.errors[0].field", equalTo("patients[0].HR"))
                .body("results[1].patient_id", nullValue())
                .body("results[1].error.errors[0].field", equalTo("patients[1].patient_id"))
                .body("results[2].patient_id", equalTo("P3"))
                .body("results[3].patient_id", equalTo("7"))
                .body("results[3].result.patient_id", equalTo("7"));
    }

    @Test
    void batch_over_1000_patients_is_413_and_missing_patients_is_400() {
        StringBuilder sb = new StringBuilder("{\"patients\": [");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        api().body(sb.append("]}").toString()).post("/classify-batch").then().statusCode(413)
                .contentType("application/problem+json");
        api().body("{\"people\": []}").post("/classify-batch").then().statusCode(400)
                .body("errors[0].field", equalTo("patients"));
    }

    @Test
    void timeline_scores_each_hour_without_looking_ahead() {
        List<Map<String, Object>> full = api().body(MlExamples.TIMELINE_REQUEST).post("/classify/timeline")
                .then().statusCode(200).extract().path("scores");
        assertEquals(3, full.size());
        String firstTwo = "{\"observations\": [{\"HR\": 88, \"SBP\": 121, \"Temp\": 37.1, \"Resp\": 16, \"ICULOS\": 1},"
                + "{\"HR\": 97, \"SBP\": 112, \"Temp\": 37.9, \"Resp\": 19, \"ICULOS\": 2}]}";
        List<Map<String, Object>> prefix = api().body(firstTwo).post("/classify/timeline")
                .then().statusCode(200).extract().path("scores");
        assertEquals(prefix.get(0), full.get(0));
        assertEquals(prefix.get(1), full.get(1), "hour 1 must not change when hour 2 is added");
    }

    @Test
    void timeline_over_1000_rows_or_empty_is_400() {
        StringBuilder sb = new StringBuilder("{\"observations\": [");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"HR\": 80}");
        }
        api().body(sb.append("]}").toString()).post("/classify/timeline").then().statusCode(400)
                .body("errors[0].field", equalTo("observations"));
        api().body("{\"observations\": []}").post("/classify/timeline").then().statusCode(400);
    }

    @Test
    void thresholds_reload_swaps_valid_files_and_refuses_invalid_ones_keeping_the_old() throws Exception {
        Path file = Path.of("target/test-classes/test-ml-thresholds.json");
        String original = Files.readString(file);
        try {
            String v1 = api().get("/config/current").then().statusCode(200)
                    .body("model_trained_threshold", notNullValue())
                    .body("escalation_floors[0].source", notNullValue())
                    .extract().path("version");
            Files.writeString(file, original.replace("\"alert_threshold\"", "\"alert_treshold\""));
            api().post("/reload-config").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("alert_treshold"));
            api().get("/config/current").then().body("version", equalTo(v1));
            Files.writeString(file, original.replace(v1, v1 + "-b"));
            api().post("/reload-config").then().statusCode(200)
                    .body("version", equalTo(v1 + "-b"))
                    .body("previous_version", equalTo(v1));
            api().body(MlExamples.CLASSIFY_REQUEST).post("/classify").then().body("thresholds_version", equalTo(v1 + "-b"));
        } finally {
            Files.writeString(file, original);
            api().post("/reload-config").then().statusCode(200);
        }
    }

    @Test
    void a_stated_site_prevalence_moves_every_probability_by_the_odds_factor_and_is_shown() throws Exception {
        Path file = Path.of("target/test-classes/test-ml-thresholds.json");
        String original = Files.readString(file);
        try {
            api().get("/config/current").then().statusCode(200)
                    .body("site_prevalence.septic_stay_rate", nullValue())
                    .body("site_prevalence.odds_factor", equalTo(1.0f))
                    .body("site_prevalence.training_septic_stay_rate", equalTo(0.08802f));
            float before = api().body(MlExamples.CLASSIFY_REQUEST).post("/classify").then().statusCode(200)
                    .extract().path("sepsis_probability");
            float hourBefore = api().body(MlExamples.TIMELINE_REQUEST).post("/classify/timeline").then()
                    .extract().path("scores[2].sepsis_probability");

            Files.writeString(file, original.replaceFirst("\\{",
                    "{\"site_prevalence\": {\"septic_stay_rate\": 0.044, \"source\": \"test site surveillance\"},"));
            float k = api().post("/reload-config").then().statusCode(200)
                    .body("site_prevalence.septic_stay_rate", equalTo(0.044f))
                    .body("site_prevalence.source", equalTo("test site surveillance"))
                    .extract().path("site_prevalence.odds_factor");
            assertEquals(0.4944, k, 1e-4, "half the training data's septic-stay rate: about half the odds");
            float after = api().body(MlExamples.CLASSIFY_REQUEST).post("/classify").then().statusCode(200)
                    .extract().path("sepsis_probability");
            assertEquals(shifted(before, k), after, 2e-6);
            float hourAfter = api().body(MlExamples.TIMELINE_REQUEST).post("/classify/timeline").then()
                    .extract().path("scores[2].sepsis_probability");
            assertEquals(shifted(hourBefore, k), hourAfter, 2e-6);

            Files.writeString(file, original.replaceFirst("\\{",
                    "{\"site_prevalence\": {\"septic_stay_rate\": 6, \"source\": \"typed as a percentage\"},"));
            api().post("/reload-config").then().statusCode(422)
                    .body("errors.field", hasItem("site_prevalence.septic_stay_rate"));
            api().get("/config/current").then().body("site_prevalence.septic_stay_rate", equalTo(0.044f));
        } finally {
            Files.writeString(file, original);
            api().post("/reload-config").then().statusCode(200);
        }
    }

    private static double shifted(double p, double oddsFactor) {
        double o = p / (1 - p) * oddsFactor;
        return o / (1 + o);
    }
}
