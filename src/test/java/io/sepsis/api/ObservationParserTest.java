package io.sepsis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

class ObservationParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObservationParser.Result parse(String s) {
        return ObservationParser.parse(json(s));
    }

    private static FieldError onlyError(ObservationParser.Result r) {
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        return r.errors().get(0);
    }

    @Test
    void reads_canonical_names_and_aliases_case_insensitively() {
        ObservationParser.Result r = parse("{\"HR\": 110, \"spo2\": 94, \"TEMPERATURE\": 38.5, \"Resp\": 22}");
        assertTrue(r.valid());
        Observation o = r.observation();
        assertEquals(110, o.get(Field.HR));
        assertEquals(94, o.get(Field.O2Sat));
        assertEquals(38.5, o.get(Field.Temp));
        assertEquals(22, o.get(Field.Resp));
        assertFalse(o.has(Field.Lactate));
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void null_means_not_measured() {
        ObservationParser.Result r = parse("{\"HR\": null, \"SBP\": 95}");
        assertTrue(r.valid());
        assertFalse(r.observation().has(Field.HR));
        assertEquals(95, r.observation().get(Field.SBP));
    }

    @Test
    void a_number_sent_as_a_string_is_an_error() {
        assertEquals(new FieldError("HR", "must be a number"), onlyError(parse("{\"HR\": \"110\"}")));
        assertEquals("must be a number", onlyError(parse("{\"HR\": true}")).message());
        assertEquals("must be a number", onlyError(parse("{\"HR\": [110]}")).message());
        assertEquals("must be a number", onlyError(parse("{\"HR\": {\"val\": 110}}")).message());
    }

    @Test
    void overflowing_numbers_are_not_finite() {
        assertEquals(new FieldError("HR", "must be a finite number"), onlyError(parse("{\"HR\": 1e309}")));
        assertEquals("must be a finite number", onlyError(parse("{\"HR\": -1e400}")).message());
    }

    @Test
    void impossible_values_name_the_range_and_unit() {
        FieldError hr = onlyError(parse("{\"HR\": -5}"));
        assertEquals("HR", hr.field());
        assertEquals("must be between 0 and 300 (beats/min)", hr.message());
        assertTrue(onlyError(parse("{\"O2Sat\": 130}")).message().contains("between 0 and 100"));
    }

    @Test
    void likely_unit_mixups_get_a_hint() {
        assertTrue(onlyError(parse("{\"Temp\": 101.3}")).message().contains("looks like °F"));
        assertTrue(onlyError(parse("{\"FiO2\": 40}")).message().contains("fraction"));
    }

    @Test
    void binary_fields_must_be_0_or_1() {
        assertTrue(parse("{\"Gender\": 1, \"Unit1\": 0, \"Unit2\": 1}").valid());
        assertEquals("must be 0 or 1 (0 female, 1 male)", onlyError(parse("{\"Gender\": 0.5}")).message());
        assertEquals("Unit1", onlyError(parse("{\"Unit1\": 2}")).field());
    }

    @Test
    void one_field_under_two_names_is_an_error() {
        FieldError e = onlyError(parse("{\"HR\": 110, \"heart_rate\": 90}"));
        assertEquals("heart_rate", e.field());
        assertTrue(e.message().contains("'HR'"));
        assertEquals("duplicates 'HR' (both are HR)", onlyError(parse("{\"HR\": 110, \"hr\": null}")).message());
    }

    @Test
    void unknown_fields_are_warned_about_not_used() {
        ObservationParser.Result r = parse("{\"HR\": 80, \"foo\": 1}");
        assertTrue(r.valid());
        assertEquals(List.of("unknown field 'foo' ignored"), r.warnings());
    }

    @Test
    void long_unknown_names_are_truncated() {
        String name = "x".repeat(500);
        ObservationParser.Result r = parse("{\"" + name + "\": 1}");
        String warning = r.warnings().get(0);
        assertTrue(warning.length() < 100, warning);
        assertTrue(warning.contains("x".repeat(64)));
    }

    @Test
    void reserved_keys_are_skipped_silently() {
        ObservationParser.Result r = ObservationParser.parse(
                json("{\"patient_id\": \"P001\", \"history\": [], \"HR\": 80}"), "", Set.of("patient_id", "history"));
        assertTrue(r.valid());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void paths_carry_the_prefix() {
        ObservationParser.Result r = ObservationParser.parse(json("{\"HR\": 400, \"bar\": 2}"), "history[3]",
                Set.of());
        assertEquals("history[3].HR", onlyError(r).field());
        assertEquals(List.of("unknown field 'history[3].bar' ignored"), r.warnings());
    }

    @Test
    void collects_every_error_and_no_observation() {
        ObservationParser.Result r = parse("{\"HR\": -1, \"Temp\": \"hot\", \"SBP\": 95}");
        assertEquals(2, r.errors().size());
        assertNull(r.observation());
        ProblemException e = assertThrows(ProblemException.class, r::orThrow);
        assertEquals(400, e.status());
        assertEquals(2, e.errors().size());
    }

    @Test
    void errors_never_contain_the_values_sent() {
        ObservationParser.Result r = parse("{\"HR\": \"P001-Smith\", \"Temp\": 4242.5}");
        for (FieldError e : r.errors()) {
            assertFalse(e.message().contains("P001"), e.message());
            assertFalse(e.message().contains("4242"), e.message());
        }
    }

    @Test
    void a_non_object_is_an_error_at_its_path() {
        assertEquals(new FieldError("body", "must be a JSON object"), onlyError(parse("[1, 2]")));
        assertEquals(new FieldError("patients[7]", "must be a JSON object"),
                onlyError(ObservationParser.parse(json("42"), "patients[7]", Set.of())));
        assertEquals("body", onlyError(ObservationParser.parse(null)).field());
    }

    @Test
    void floods_of_bad_keys_are_summarised() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
        }
        ObservationParser.Result r = parse(sb.append('}').toString());
        assertEquals(ObservationParser.MAX_WARNINGS + 1, r.warnings().size());
        assertTrue(r.warnings().get(ObservationParser.MAX_WARNINGS).startsWith("180 more"));
    }
}
