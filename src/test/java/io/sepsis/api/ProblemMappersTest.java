package io.sepsis.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMappersTest {
    @Test
    void server_side_log_of_a_500_keeps_classes_and_frames_but_never_messages() {
        Exception e = new IllegalStateException("patient P001 note: mottled knees",
                new IllegalArgumentException("MRN 12345678"));
        String logged = ProblemMappers.withoutMessages(e);
        assertTrue(logged.contains("java.lang.IllegalStateException"));
        assertTrue(logged.contains("caused by java.lang.IllegalArgumentException"));
        assertTrue(logged.contains("ProblemMappersTest"), "stack frames stay for debugging");
        assertFalse(logged.contains("P001"));
        assertFalse(logged.contains("mottled"));
        assertFalse(logged.contains("12345678"));
    }
}
