package io.sepsis.genai.prompt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptStoreTest {
    @TempDir
    Path dir;

    private PromptStore storeOn(Path file) {
        return new PromptStore(Optional.of(file.toString()), Clock.systemUTC());
    }

    @Test
    void valid_reload_swaps_the_prompt_and_reports_the_previous_version() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, PromptTemplateTest.MINIMAL);
        PromptStore store = storeOn(f);
        assertEquals("t1", store.current().orElseThrow().version());
        assertEquals("prompt", store.component());
        assertTrue(store.ready());
        assertEquals("t1", store.detail());

        Files.writeString(f, PromptTemplateTest.MINIMAL.replace("\"t1\"", "\"t2\"").replace("Data:", "Patient:"));
        var r = store.reload();
        assertEquals("t1", r.previousVersion());
        assertEquals("t2", store.current().orElseThrow().version());
        assertTrue(store.current().orElseThrow().render("n", "x", java.util.List.of()).user().startsWith("Patient:"));
    }

    @Test
    void invalid_reload_keeps_the_old_prompt_live_and_says_why() throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, PromptTemplateTest.MINIMAL);
        PromptStore store = storeOn(f);
        Files.writeString(f, PromptTemplateTest.MINIMAL.replace("\"t1\"", "\"t2\"").replace("{{notes}}", ""));
        PromptTemplate.InvalidPromptException e = assertThrows(PromptTemplate.InvalidPromptException.class,
                store::reload);
        assertTrue(e.reasons().contains("user_template: must contain {{notes}} exactly once"));
        assertEquals("t1", store.current().orElseThrow().version());
        assertTrue(store.ready());
        assertTrue(store.detail().startsWith("t1 (last reload refused: invalid: "), store.detail());
    }

    @Test
    void missing_configured_file_is_not_ready_and_says_so() {
        PromptStore store = storeOn(dir.resolve("absent.json"));
        assertFalse(store.ready());
        assertTrue(store.current().isEmpty());
        assertTrue(store.detail().contains("cannot read prompt source"), store.detail());
    }

    @Test
    void without_prompt_path_the_repo_file_under_the_working_directory_is_used() throws Exception {
        PromptStore store = new PromptStore(Optional.of(" "), Clock.systemUTC());
        PromptTemplate t = store.current().orElseThrow();
        assertEquals(PromptStore.DEFAULT_FILE, t.source().replace('\\', '/'));
        assertEquals(PromptTemplateTest.repoPrompt().version(), t.version());
        assertEquals(t.version(), store.reload().previousVersion());
    }
}
