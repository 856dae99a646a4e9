package io.sepsis.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchBodyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_missing_or_mistyped_patients_array_is_a_400_naming_the_field() throws Exception {
        for (String body : new String[] {"{}", "{\"patients\": {}}", "[]", "null"}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> BatchBody.patients(JSON.readTree(body), 10, "per batch"), body);
            assertEquals(400, e.status(), body);
            assertEquals("patients", e.errors().get(0).field(), body);
        }
    }

    @Test
    void more_patients_than_the_limit_is_a_413_saying_the_limit() throws Exception {
        assertEquals(3, BatchBody.patients(JSON.readTree("{\"patients\": [{}, {}, {}]}"), 3, "per batch").size());
        ProblemException e = assertThrows(ProblemException.class,
                () -> BatchBody.patients(JSON.readTree("{\"patients\": [{}, {}, {}, {}]}"), 3, "per GenAI batch"));
        assertEquals(413, e.status());
        assertEquals("patients: at most 3 per GenAI batch, got 4", e.getMessage());
    }
}
