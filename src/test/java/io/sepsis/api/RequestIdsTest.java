package io.sepsis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keeps_safe_caller_ids() {
        assertEquals("abc-123_X.y", RequestIds.acceptOrGenerate("abc-123_X.y"));
        assertEquals("a".repeat(64), RequestIds.acceptOrGenerate("a".repeat(64)));
    }

    @Test
    void replaces_unsafe_or_missing_ids() {
        for (String bad : new String[] { null, "", "a".repeat(65), "has space", "new\nline", "<script>", "ü" }) {
            String id = RequestIds.acceptOrGenerate(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }

    @Test
    void outside_a_request_current_still_returns_an_id() {
        assertTrue(RequestIds.find().isEmpty());
        assertTrue(RequestIds.isSafe(RequestIds.current()));
    }
}
