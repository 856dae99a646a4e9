package io.sepsis.genai.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sepsis.api.FieldError;
import io.sepsis.genai.GenaiFixtures;
import io.sepsis.api.ProblemException;
import io.sepsis.clinical.Field;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenaiRequestParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        return GenaiFixtures.json(s);
    }

    private static GenaiPatient parse(String body) {
        return GenaiRequestParser.parse(json(body));
    }

    private static List<FieldError> errors(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body));
        assertEquals(400, e.status());
        return e.errors();
    }

    private static FieldError onlyError(String body) {
        List<FieldError> errors = errors(body);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        return errors.get(0);
    }

    private static List<Double> values(List<TimedValue> readings) {
        return readings.stream().map(TimedValue::value).collect(Collectors.toList());
    }

    @Test
    void contract_example_parses_into_latest_values_notes_and_history() {
        GenaiPatient p = parse("""
                {"patient_id": "TEST001",
                 "vitals": {"HR": 118, "SBP": 88, "Temp": 38.9, "Lactate": 3.2, "WBC": 18.5},
                 "notes": "Patient appears lethargic, skin mottled on lower extremities",
                 "patient_history": {"conditions": ["chronic hypertension"], "medications": ["metoprolol"]}}""");
        assertEquals("TEST001", p.patientId());
        assertEquals(118, p.latest().get(Field.HR));
        assertEquals(88, p.latest().get(Field.SBP));
        assertEquals(38.9, p.latest().get(Field.Temp));
        assertEquals(3.2, p.latest().get(Field.Lactate));
        assertEquals(18.5, p.latest().get(Field.WBC));
        assertFalse(p.latest().has(Field.Resp));
        assertTrue(p.trends().isEmpty());
        assertEquals("Patient appears lethargic, skin mottled on lower extremities", p.notes());
        assertEquals(List.of("chronic hypertension"), p.conditions());
        assertEquals(List.of("metoprolol"), p.medications());
        assertTrue(p.warnings().isEmpty());
    }

    @Test
    void aliases_map_to_canonical_fields_case_insensitively() {
        GenaiPatient p = parse("""
                {"vitals": {"heart_rate": 110, "SpO2": 93, "temperature": 38.2, "sbp": 95,
                            "respiratory_rate": 24, "map": 64, "Lactic_Acid": 2.4}}""");
        assertEquals(110, p.latest().get(Field.HR));
        assertEquals(93, p.latest().get(Field.O2Sat));
        assertEquals(38.2, p.latest().get(Field.Temp));
        assertEquals(95, p.latest().get(Field.SBP));
        assertEquals(24, p.latest().get(Field.Resp));
        assertEquals(64, p.latest().get(Field.MAP));
        assertEquals(2.4, p.latest().get(Field.Lactate));
    }

    @Test
    void plain_lists_are_newest_first_and_become_trends_oldest_first() {
        GenaiPatient p = parse("{\"vitals\": {\"HR\": [118, 104, 96], \"SBP\": [88]}}");
        assertEquals(118, p.latest().get(Field.HR), "latest is the first item of a newest-first list");
        assertEquals(List.of(96.0, 104.0, 118.0), values(p.trends().get(Field.HR)));
        assertNull(p.trends().get(Field.HR).get(0).ts());
        assertEquals(88, p.latest().get(Field.SBP));
        assertFalse(p.trends().containsKey(Field.SBP), "one reading is not a trend");
    }

    @Test
    void null_items_in_a_list_are_skipped_as_not_measured() {
        GenaiPatient p = parse("{\"vitals\": {\"HR\": [null, 104, null, 96]}}");
        assertEquals(104, p.latest().get(Field.HR));
        assertEquals(List.of(96.0, 104.0), values(p.trends().get(Field.HR)));
    }

    @Test
    void timestamped_readings_are_sorted_by_ts_whatever_the_list_order() {
        GenaiPatient p = parse("""
                {"vitals": {"Temp": [{"val": 38.1, "ts": "2026-02-10T10:00:00Z"},
                                     {"val": 39.2, "ts": "2026-02-10T14:00:00Z"},
                                     {"val": 37.4, "ts": "2026-02-10T06:00:00Z"},
                                     {"val": 38.6, "ts": "2026-02-10T13:00:00+01:00"}]}}""");
        List<TimedValue> t = p.trends().get(Field.Temp);
        assertEquals(List.of(37.4, 38.1, 38.6, 39.2), values(t), "13:00+01:00 is 12:00Z, between 10:00Z and 14:00Z");
        assertEquals(Instant.parse("2026-02-10T06:00:00Z"), t.get(0).ts());
        assertEquals(Instant.parse("2026-02-10T14:00:00Z"), t.get(3).ts());
        assertEquals(39.2, p.latest().get(Field.Temp), "latest is the reading with the newest ts, not the first item");
    }

    @Test
    void a_timestamp_without_offset_or_unparseable_is_a_400_naming_the_ts_path() {
        FieldError e = onlyError("""
                {"vitals": {"Temp": [{"val": 38.1, "ts": "2026-02-10T10:00:00Z"},
                                     {"val": 38.4, "ts": "2026-02-10T11:00:00"}]}}""");
        assertEquals("vitals.Temp[1].ts", e.field());
        assertTrue(e.message().contains("ISO-8601"), e.message());

        assertEquals("vitals.Temp[0].ts",
                onlyError("{\"vitals\": {\"Temp\": [{\"val\": 38.1, \"ts\": \"yesterday\"}]}}").field());
        assertEquals("vitals.Temp[0].ts", onlyError("{\"vitals\": {\"Temp\": [{\"val\": 38.1, \"ts\": 1739181600}]}}")
                .field());
        assertEquals("vitals.Temp[0].ts", onlyError("{\"vitals\": {\"Temp\": [{\"val\": 38.1}]}}").field());
    }

    @Test
    void strings_for_numbers_are_rejected_like_the_ml_pathway_does() {
        assertEquals(new FieldError("vitals.HR", "must be a number"), onlyError("{\"vitals\": {\"HR\": \"110\"}}"));
        assertEquals("vitals.HR[1]", onlyError("{\"vitals\": {\"HR\": [110, \"104\"]}}").field());
        assertEquals("vitals.HR[0].val",
                onlyError("{\"vitals\": {\"HR\": [{\"val\": \"110\", \"ts\": \"2026-02-10T10:00:00Z\"}]}}").field());
    }

    @Test
    void out_of_range_values_are_400_with_field_path_range_and_unit_hint() {
        FieldError scalar = onlyError("{\"vitals\": {\"Temp\": 101.3}}");
        assertEquals("vitals.Temp", scalar.field());
        assertTrue(scalar.message().contains("between 15 and 45"), scalar.message());
        assertTrue(scalar.message().contains("°F"), "unit hint: " + scalar.message());

        FieldError inList = onlyError("{\"vitals\": {\"HR\": [120, 110, -5]}}");
        assertEquals("vitals.HR[2]", inList.field());

        FieldError reading = onlyError("""
                {"vitals": {"HR": [{"val": 96, "ts": "2026-02-10T10:00:00Z"},
                                   {"val": 104, "ts": "2026-02-10T11:00:00Z"},
                                   {"val": 420, "ts": "2026-02-10T12:00:00Z"}]}}""");
        assertEquals("vitals.HR[2].val", reading.field());
        assertTrue(reading.message().contains("between 0 and 300"), reading.message());
    }

    @Test
    void every_error_is_reported_at_once() {
        List<FieldError> errors = errors("""
                {"vitals": {"HR": -5, "O2Sat": 130, "Temp": [{"val": 38, "ts": "bad"}]}, "notes": 42}""");
        List<String> fields = errors.stream().map(FieldError::field).collect(Collectors.toList());
        assertEquals(List.of("vitals.HR", "vitals.O2Sat", "vitals.Temp[0].ts", "notes"), fields);
    }

    @Test
    void more_than_336_values_for_one_vital_is_a_400() {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < 337; i++) {
            list.append(i == 0 ? "" : ",").append(80 + i % 20);
        }
        FieldError e = onlyError("{\"vitals\": {\"HR\": " + list + "]}}");
        assertEquals("vitals.HR", e.field());
        assertTrue(e.message().contains("336"), e.message());

        String ok = list.substring(0, list.lastIndexOf(",")) + "]"; // 336 values
        assertEquals(336, parse("{\"vitals\": {\"HR\": " + ok + "}}").trends().get(Field.HR).size());
    }

    @Test
    void notes_over_20000_characters_are_a_400_that_does_not_echo_them() {
        String secret = "Patient John Smith ";
        String notes = secret + "x".repeat(GenaiRequestParser.MAX_NOTES_CHARS);
        ProblemException e = assertThrows(ProblemException.class, () -> GenaiRequestParser.parse(
                JSON.createObjectNode().put("notes", notes).set("vitals", json("{\"HR\": 100}"))));
        assertEquals("notes", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("20000"));
        assertFalse(e.detail().contains("John"));
        assertFalse(e.errors().get(0).message().contains("John"));

        String exactly = "y".repeat(GenaiRequestParser.MAX_NOTES_CHARS);
        assertEquals(exactly, GenaiRequestParser.parse(JSON.createObjectNode().put("notes", exactly)).notes());
    }

    @Test
    void unknown_vitals_and_keys_become_warnings_and_are_not_used() {
        GenaiPatient p = parse("""
                {"vitals": {"HR": 100, "pain_score": 7, "HR_trend": "up"}, "ward": "7B",
                 "patient_history": {"conditions": [], "allergies": ["penicillin"]}}""");
        assertEquals(100, p.latest().get(Field.HR));
        assertTrue(p.warnings().contains("unknown field 'vitals.pain_score' ignored"), p.warnings().toString());
        assertTrue(p.warnings().contains("unknown field 'vitals.HR_trend' ignored"), p.warnings().toString());
        assertTrue(p.warnings().contains("unknown field 'ward' ignored"), p.warnings().toString());
        assertTrue(p.warnings().contains("unknown field 'patient_history.allergies' ignored"), p.warnings().toString());
    }

    @Test
    void the_same_vital_under_two_names_is_a_400() {
        FieldError e = onlyError("{\"vitals\": {\"HR\": 100, \"heart_rate\": [101, 99]}}");
        assertEquals("vitals.heart_rate", e.field());
        assertTrue(e.message().contains("duplicates 'HR'"), e.message());
    }

    @Test
    void a_list_mixing_numbers_and_readings_is_a_400() {
        FieldError e = onlyError("{\"vitals\": {\"HR\": [100, {\"val\": 98, \"ts\": \"2026-02-10T10:00:00Z\"}]}}");
        assertEquals("vitals.HR[1]", e.field());
    }

    @Test
    void readings_sharing_a_timestamp_keep_list_order_with_a_warning() {
        GenaiPatient p = parse("""
                {"vitals": {"HR": [{"val": 100, "ts": "2026-02-10T10:00:00Z"},
                                   {"val": 104, "ts": "2026-02-10T10:00:00Z"}]}}""");
        assertEquals(List.of(100.0, 104.0), values(p.trends().get(Field.HR)));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("vitals.HR") && w.contains("share a timestamp")));
    }

    @Test
    void patient_history_must_be_lists_of_bounded_strings() {
        assertEquals("patient_history.conditions[1]",
                onlyError("{\"notes\": \"n\", \"patient_history\": {\"conditions\": [\"CKD\", 3]}}").field());
        assertEquals("patient_history.medications", onlyError(
                "{\"notes\": \"n\", \"patient_history\": {\"medications\": \"metoprolol\"}}").field());
        String tooLong = "a".repeat(GenaiRequestParser.MAX_HISTORY_ITEM_CHARS + 1);
        assertEquals("patient_history.conditions[0]", onlyError(
                "{\"notes\": \"n\", \"patient_history\": {\"conditions\": [\"" + tooLong + "\"]}}").field());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= GenaiRequestParser.MAX_HISTORY_ITEMS; i++) {
            many.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        assertEquals("patient_history.medications", onlyError(
                "{\"notes\": \"n\", \"patient_history\": {\"medications\": " + many + "]}}").field());
        GenaiPatient p = parse("{\"notes\": \"n\", \"patient_history\": {\"conditions\": [\"  CKD 3 \", \" \"]}}");
        assertEquals(List.of("CKD 3"), p.conditions(), "trimmed, blanks dropped");
    }

    @Test
    void a_body_with_nothing_to_assess_is_a_400() {
        assertEquals("body", onlyError("{\"patient_id\": \"P1\", \"vitals\": {\"HR\": null}}").field());
        assertEquals("body", onlyError("{\"notes\": \"   \"}").field());
        assertEquals("body", onlyError("[1, 2]").field());
        assertEquals("vitals", onlyError("{\"vitals\": [118, 88]}").field());
    }

    @Test
    void notes_alone_are_enough_to_assess() {
        GenaiPatient p = parse("{\"notes\": \"Mottled knees, new confusion\"}");
        assertTrue(p.hasNotes());
        assertTrue(Double.isNaN(p.latest().get(Field.HR)));
    }

    @Test
    void patient_id_over_128_characters_is_a_400() {
        String tooLong = "p".repeat(io.sepsis.api.PatientIds.MAX_LENGTH + 1);
        assertEquals("patient_id", onlyError("{\"patient_id\": \"" + tooLong + "\", \"notes\": \"n\"}").field());
        assertEquals("42", parse("{\"patient_id\": 42, \"notes\": \"n\"}").patientId());
    }
}
