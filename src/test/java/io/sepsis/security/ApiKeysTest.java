package io.sepsis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Accepted keys = environment ∪ secret, the secret's part replaced whole on rotation. */
class ApiKeysTest {

    static ApiKeyMatcher keys(String... keys) {
        return ApiKeyMatcher.fromCommaSeparated(List.of(keys));
    }

    @Test
    void environment_keys_alone_until_a_secret_loads() {
        ApiKeys k = new ApiKeys(keys("test-key-1"));
        assertTrue(k.current().match("test-key-1").isPresent());
        assertEquals(1, k.current().size());
        assertTrue(k.fromSecret().isEmpty());
    }

    @Test
    void a_secret_adds_keys_and_a_rotation_replaces_only_the_secrets_part() {
        ApiKeys k = new ApiKeys(keys("test-key-1"));
        k.replaceSecretKeys(keys("test-key-2,test-key-3"));
        for (String key : List.of("test-key-1", "test-key-2", "test-key-3")) {
            assertTrue(k.current().match(key).isPresent(), key);
        }
        k.replaceSecretKeys(keys("test-key-4"));
        assertTrue(k.current().match("test-key-1").isPresent(), "environment key stays");
        assertFalse(k.current().match("test-key-2").isPresent(), "rotated out");
        assertTrue(k.current().match("test-key-4").isPresent());
        assertEquals(2, k.current().size());
    }

    @Test
    void a_key_in_both_places_is_one_key_and_survives_leaving_the_secret() {
        ApiKeys k = new ApiKeys(keys("test-key-1"));
        k.replaceSecretKeys(keys("test-key-1,test-key-2"));
        assertEquals(2, k.current().size());
        assertEquals(List.of(ApiKeyMatcher.keyId("test-key-1"), ApiKeyMatcher.keyId("test-key-2")),
                k.current().keyIds());
        k.replaceSecretKeys(keys("test-key-2"));
        assertTrue(k.current().match("test-key-1").isPresent());
    }

    @Test
    void a_request_sees_one_whole_set_the_old_or_the_new() {
        ApiKeys k = new ApiKeys(ApiKeyMatcher.none());
        k.replaceSecretKeys(keys("test-key-old"));
        ApiKeyMatcher before = k.current();
        k.replaceSecretKeys(keys("test-key-new"));
        assertTrue(before.match("test-key-old").isPresent(), "a snapshot taken before the swap is unchanged");
        assertFalse(before.match("test-key-new").isPresent());
        assertTrue(k.current().match("test-key-new").isPresent());
        assertFalse(k.current().match("test-key-old").isPresent());
    }
}
