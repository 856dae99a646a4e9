package io.sepsis.security.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sepsis.security.ApiKeyMatcher;

class SecretFormatsTest {

    @Test
    void api_keys_as_plain_comma_separated_text() throws Exception {
        ApiKeyMatcher m = SecretFormats.apiKeys(" test-key-1 ,test-key-2,\n");
        assertEquals(List.of(ApiKeyMatcher.keyId("test-key-1"), ApiKeyMatcher.keyId("test-key-2")), m.keyIds());
    }

    @Test
    void api_keys_as_a_json_object_union_of_api_keys_and_api_key() throws Exception {
        ApiKeyMatcher m = SecretFormats.apiKeys("{\"API_KEYS\": \"test-key-1,test-key-2\", \"API_KEY\": \"test-key-3\"}");
        assertEquals(3, m.size());
        assertEquals(1, SecretFormats.apiKeys("{\"API_KEY\": \"test-key-3\"}").size());
    }

    @Test
    void unusable_api_key_secrets_are_refused_with_messages_that_do_not_quote_them() {
        for (String bad : List.of("", "  ", " , ,", "{\"API_KEYS\": \"\"}", "{\"API_KEYS\": \"test-key-secret-x\"",
                "{\"OTHER\": \"test-key-secret-x\"}", "{\"API_KEYS\": [\"test-key-secret-x\"]}", "{}")) {
            SecretFetchException e = assertThrows(SecretFetchException.class, () -> SecretFormats.apiKeys(bad),
                    bad);
            assertFalse(e.getMessage().contains("test-key-secret-x"), e.getMessage());
        }
    }

    @Test
    void llm_key_plain_or_by_field_name() throws Exception {
        assertEquals("test-azure-key", SecretFormats.singleKey(" test-azure-key\n", "AZURE_OPENAI_API_KEY"));
        assertEquals("test-azure-key", SecretFormats.singleKey(
                "{\"AZURE_OPENAI_API_KEY\": \"test-azure-key\", \"API_KEYS\": \"k\"}", "AZURE_OPENAI_API_KEY"));
        SecretFetchException e = assertThrows(SecretFetchException.class, () -> SecretFormats.singleKey(
                "{\"OPENAI_API_KEY\": \"test-openai-key\"}", "AZURE_OPENAI_API_KEY"));
        assertTrue(e.getMessage().contains("no AZURE_OPENAI_API_KEY field"), e.getMessage());
        assertThrows(SecretFetchException.class, () -> SecretFormats.singleKey("  ", "OPENAI_API_KEY"));
        assertThrows(SecretFetchException.class,
                () -> SecretFormats.singleKey("{\"OPENAI_API_KEY\": \" \"}", "OPENAI_API_KEY"));
    }
}
