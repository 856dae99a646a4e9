package io.sepsis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How Jackson failures become problems, without booting Quarkus. */
class JsonProblemTest {

    private static Problem problemFor(String body) {
        ObjectMapper mapper = new ObjectMapper();
        new JsonLimits().customize(mapper);
        try {
            mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return ProblemMappers.jsonProblem(e);
        }
        throw new AssertionError("parsed: " + body);
    }

    @Test
    void syntax_error_names_the_path_not_the_token() {
        Problem p = problemFor("{\"history\": [{\"HR\": 90}, {\"HR\": P001x}]}");
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("history[1].HR"), p.detail());
        assertFalse(p.detail().contains("P001x"), p.detail());
        assertTrue(p.detail().contains("line 1"), p.detail());
    }

    @Test
    void nan_literal_is_rejected_with_the_field() {
        Problem p = problemFor("{\"Lactate\": NaN}");
        assertEquals(400, p.status());
        assertTrue(p.detail().startsWith("non-finite number"), p.detail());
        assertEquals("Lactate", p.errors().get(0).field());
    }

    @Test
    void nesting_beyond_the_limit_is_a_400() {
        Problem p = problemFor("[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("nested too deeply"), p.detail());
    }

    @Test
    void nesting_limit_is_64_levels_not_jacksons_default_1000() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonLimits().customize(mapper);
        assertEquals(400, problemFor("{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}").status());
        try {
            mapper.readTree("[".repeat(60) + "]".repeat(60));
        } catch (JsonProcessingException e) {
            throw new AssertionError("60 levels must still parse", e);
        }
    }

    @Test
    void duplicate_keys_are_rejected() {
        Problem p = problemFor("{\"HR\": 60, \"HR\": 150}");
        assertTrue(p.detail().startsWith("duplicate key at HR"), p.detail());
    }

    @Test
    void trailing_garbage_is_rejected() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonLimits().customize(mapper);
        try {
            mapper.readValue("{\"HR\": 60} {\"HR\": 61}", Object.class);
            throw new AssertionError("accepted trailing content");
        } catch (JsonProcessingException e) {
            assertEquals(400, ProblemMappers.jsonProblem(e).status());
        }
    }
}
