package io.sepsis.genai.redaction;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientIdHmacTest {

    @Test
    void hash_is_hmac_sha256_hex_truncated_to_16_characters() {
        // RFC 4231-style check against the well-known vector HMAC-SHA256("key", "The quick brown fox jumps over the
        // lazy dog") = f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8
        assertEquals("f7bc83f430538424",
                PatientIdHmac.ofKey("key").hash("The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void same_key_same_id_same_hash_and_different_keys_differ() {
        PatientIdHmac a = PatientIdHmac.ofKey("k1-0123456789abcdef0123456789abcdef");
        assertEquals(a.hash("TEST001"), PatientIdHmac.ofKey("k1-0123456789abcdef0123456789abcdef").hash("TEST001"));
        assertNotEquals(a.hash("TEST001"), a.hash("TEST002"));
        assertNotEquals(a.hash("TEST001"), PatientIdHmac.ofKey("k2").hash("TEST001"));
        assertFalse(a.hash("TEST001").contains("TEST"));
        assertEquals(16, a.hash("TEST001").length());
        assertNull(a.hash(null));
    }

    @Test
    void random_keys_differ_between_instances() {
        assertNotEquals(PatientIdHmac.withRandomKey().hash("P1"), PatientIdHmac.withRandomKey().hash("P1"));
        assertThrows(IllegalArgumentException.class, () -> new PatientIdHmac(new byte[0]));
    }

    @Test
    void bean_uses_the_configured_key_or_falls_back_to_a_random_one() {
        PatientIdHasher configured = new PatientIdHasher(Optional.of("key"));
        assertTrue(configured.keyConfigured());
        assertEquals("f7bc83f430538424", configured.hash("The quick brown fox jumps over the lazy dog"));

        PatientIdHasher blank = new PatientIdHasher(Optional.of("  "));
        assertFalse(blank.keyConfigured());
        assertEquals(16, blank.hash("P1").length());
        assertEquals(blank.hash("P1"), blank.hash("P1"), "stable within one process");
        assertFalse(new PatientIdHasher(Optional.empty()).keyConfigured());
    }
}
