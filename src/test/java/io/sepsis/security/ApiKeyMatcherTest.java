package io.sepsis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyMatcherTest {

    @Test
    void accepts_the_union_of_api_keys_and_api_key_trimmed() {
        ApiKeyMatcher m = ApiKeyMatcher.fromCommaSeparated(List.of(" k1 , k2,, ", "k3"));
        assertEquals(3, m.size());
        for (String key : List.of("k1", "k2", "k3")) {
            assertEquals(Optional.of(ApiKeyMatcher.keyId(key)), m.match(key));
        }
    }

    @Test
    void rejects_other_keys_prefixes_and_blanks() {
        ApiKeyMatcher m = ApiKeyMatcher.fromCommaSeparated(List.of("secret-key"));
        for (String wrong : Arrays.asList("secret", "secret-key ", "SECRET-KEY", "secret-keyx", "", null)) {
            assertTrue(m.match(wrong).isEmpty(), "accepted " + wrong);
        }
    }

    @Test
    void with_no_keys_nothing_matches() {
        ApiKeyMatcher m = ApiKeyMatcher.fromCommaSeparated(Arrays.asList(null, "", " , "));
        assertTrue(m.isEmpty());
        assertTrue(m.match("anything").isEmpty());
        assertTrue(m.match("").isEmpty());
    }

    @Test
    void key_ids_are_short_hashes_not_the_key() {
        String id = ApiKeyMatcher.keyId("local-dev-key");
        assertEquals(ApiKeyMatcher.KEY_ID_HEX_CHARS, id.length());
        assertTrue(id.matches("[0-9a-f]+"));
        assertFalse(id.contains("local"));
        assertEquals(List.of(id), ApiKeyMatcher.fromCommaSeparated(List.of("local-dev-key")).keyIds());
    }
}
