package io.sepsis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientIdsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String read(String json, List<String> errors) throws Exception {
        JsonNode id = JSON.readTree(json).get("patient_id");
        return PatientIds.read(id, "patients[2].patient_id", (f, m) -> errors.add(f + ": " + m));
    }

    @Test
    void strings_and_integers_are_ids_and_absent_or_null_is_no_id() throws Exception {
        List<String> errors = new ArrayList<>();
        assertEquals("P001", read("{\"patient_id\": \"P001\"}", errors));
        assertEquals("12345", read("{\"patient_id\": 12345}", errors));
        assertNull(read("{\"patient_id\": null}", errors));
        assertNull(read("{}", errors));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void other_types_and_overlong_ids_are_errors_on_the_named_field() throws Exception {
        List<String> errors = new ArrayList<>();
        assertNull(read("{\"patient_id\": 1.5}", errors));
        assertNull(read("{\"patient_id\": {\"mrn\": 1}}", errors));
        assertNull(read("{\"patient_id\": \"" + "x".repeat(PatientIds.MAX_LENGTH + 1) + "\"}", errors));
        assertEquals(List.of("patients[2].patient_id: must be a string", "patients[2].patient_id: must be a string",
                "patients[2].patient_id: at most 128 characters"), errors);
        assertEquals("x".repeat(128), read("{\"patient_id\": \"" + "x".repeat(128) + "\"}", errors));
    }

    @Test
    void echo_gives_only_a_valid_id_of_an_object() throws Exception {
        assertEquals("7", PatientIds.echo(JSON.readTree("{\"patient_id\": 7, \"HR\": -5}")));
        assertNull(PatientIds.echo(JSON.readTree("{\"patient_id\": [1]}")));
        assertNull(PatientIds.echo(JSON.readTree("[1, 2]")));
        assertNull(PatientIds.echo(null));
    }
}
