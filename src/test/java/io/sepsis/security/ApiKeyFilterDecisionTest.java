package io.sepsis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The filter's policy without HTTP, including the configuration a @QuarkusTest cannot cheaply have: no keys. */
class ApiKeyFilterDecisionTest {
    private static final ApiKeyMatcher NONE = ApiKeyMatcher.fromCommaSeparated(List.of());
    private static final ApiKeyMatcher ONE = ApiKeyMatcher.fromCommaSeparated(List.of("k1"));

    @Test
    void fails_closed_when_no_key_is_configured() {
        for (String presented : new String[] { null, "", "k1", "anything" }) {
            assertFalse(ApiKeyFilter.decide(NONE, "POST", "/classify", presented).allowed());
        }
        assertFalse(ApiKeyFilter.decide(NONE, "GET", "/performance", "k1").allowed());
    }

    @Test
    void open_endpoints_stay_open_without_keys() {
        assertTrue(ApiKeyFilter.decide(NONE, "GET", "/health", null).allowed());
        assertTrue(ApiKeyFilter.decide(NONE, "GET", "/", null).allowed());
        assertTrue(ApiKeyFilter.decide(NONE, "GET", "/genai-health", null).allowed());
    }

    @Test
    void a_configured_key_is_accepted_and_identified() {
        ApiKeyFilter.Decision d = ApiKeyFilter.decide(ONE, "POST", "/classify", "k1");
        assertTrue(d.allowed());
        assertEquals(Optional.of(ApiKeyMatcher.keyId("k1")), d.keyId());
        assertFalse(ApiKeyFilter.decide(ONE, "POST", "/classify", "k2").allowed());
    }

    @Test
    void open_paths_are_exact() {
        assertTrue(OpenEndpoints.isOpen("GET", "/health"));
        assertFalse(OpenEndpoints.isOpen("POST", "/health"));
        assertTrue(OpenEndpoints.isOpen("HEAD", "/health"), "HEAD is GET without the body");
        assertFalse(OpenEndpoints.isOpen("HEAD", "/config/current"));
        assertFalse(OpenEndpoints.isOpen("GET", "/health/"));
        assertFalse(OpenEndpoints.isOpen("GET", "/healthz"));
        assertFalse(OpenEndpoints.isOpen("POST", "/"));
        assertFalse(OpenEndpoints.isOpen("GET", "/genai-health/deep"));
        assertFalse(OpenEndpoints.isOpen("GET", "/docsx"));
        assertTrue(OpenEndpoints.isOpen("GET", "/docs/index.html"));
        assertTrue(OpenEndpoints.isOpen("GET", "/q/health/ready"));
        assertFalse(OpenEndpoints.isOpen("GET", "/q/healthx"));
        assertTrue(OpenEndpoints.isOpen("GET", "/q/metrics"));
        assertFalse(OpenEndpoints.isOpen("GET", "/classify"));
        assertFalse(OpenEndpoints.isOpen("GET", null));
    }
}
