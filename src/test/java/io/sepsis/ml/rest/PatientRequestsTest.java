package io.sepsis.ml.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sepsis.api.ObservationParser;
import io.sepsis.api.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What one request can make the service say back is bounded, however many of its rows are wrong. */
class PatientRequestsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String rows(int n, String row) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(row);
        }
        return sb.append(']').toString();
    }

    @Test
    void a_timeline_of_1000_invalid_hours_lists_100_errors_and_says_how_many_more() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> PatientRequests.timeline(JSON.readTree(
                "{\"observations\": " + rows(1000, "{\"HR\": -1}") + "}")));
        assertEquals(400, e.status());
        assertEquals("1000 fields are invalid", e.getMessage());
        assertEquals(ProblemException.MAX_LISTED_ERRORS + 1, e.errors().size());
        assertEquals("observations[0].HR", e.errors().get(0).field());
        assertEquals("900 more errors not listed", e.errors().get(ProblemException.MAX_LISTED_ERRORS).message());
    }

    @Test
    void the_same_unknown_field_in_300_history_rows_gives_20_warnings_and_a_count() throws Exception {
        var in = PatientRequests.patient(JSON.readTree(
                "{\"HR\": 90, \"history\": " + rows(300, "{\"HR\": 88, \"foo\": 1}") + "}"), "");
        assertEquals(ObservationParser.MAX_WARNINGS + 1, in.warnings().size());
        assertEquals("280 more warnings not listed", in.warnings().get(ObservationParser.MAX_WARNINGS));
    }
}
