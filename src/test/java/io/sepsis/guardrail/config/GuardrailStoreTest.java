package io.sepsis.guardrail.config;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.guardrail.GuardrailEngine;
import io.sepsis.guardrail.GuardrailInput;
import io.sepsis.guardrail.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailStoreTest {
    static final String V1 = Shipped.text();
    /** Version v2 moves sbp_critical from <= 90 to <= 100: a reader can tell the two snapshots apart. */
    static final String V2 = V1.replace("\"sepsis-guardrail-2026-11-23.1\"", "\"v2\"")
            .replace("\"parameter\": \"SBP\",\n      \"operator\": \"<=\",\n      \"value\": 90,",
                    "\"parameter\": \"SBP\",\n      \"operator\": \"<=\",\n      \"value\": 100,");

    @TempDir
    Path dir;

    GuardrailStore storeOn(Path file) {
        return new GuardrailStore(Optional.of(file.toString()),
                Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void v2_really_differs_from_v1() {
        assertFalse(V1.equals(V2.replace("\"v2\"", "\"sepsis-guardrail-2026-11-23.1\"")), "test fixture edit applied");
    }

    @Test
    void loads_with_version_time_and_source_and_reports_ready() throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, V1);
        GuardrailStore store = storeOn(f);
        GuardrailConfig c = store.current().orElseThrow();
        assertEquals("sepsis-guardrail-2026-11-23.1", c.version());
        assertEquals(Instant.parse("2026-11-23T16:00:00Z"), c.loadedAt());
        assertEquals(f.toString(), c.source());
        assertTrue(store.ready());
        assertEquals("guardrail_config", store.component());
        assertEquals("sepsis-guardrail-2026-11-23.1", store.detail());
    }

    @Test
    void valid_reload_swaps_and_reports_the_previous_version() throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, V1);
        GuardrailStore store = storeOn(f);
        Files.writeString(f, V2);
        var r = store.reload();
        assertEquals("sepsis-guardrail-2026-11-23.1", r.previousVersion());
        assertEquals("v2", store.current().orElseThrow().version());
        assertTrue(GuardrailEngine.assess(store.current().orElseThrow(),
                new GuardrailInput(Obs.of(Field.SBP, 95), null, null, null)).breached("sbp_critical"));
    }

    @Test
    void invalid_reload_keeps_the_old_configuration_live_and_says_why() throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, V1);
        GuardrailStore store = storeOn(f);
        Files.writeString(f, V1.replace("\"operator\": \"<=\"", "\"operator\": \"=<\""));
        InvalidGuardrailConfigException e = assertThrows(InvalidGuardrailConfigException.class, store::reload);
        assertTrue(e.reasons().size() >= 3, e.reasons().toString());
        assertEquals("sepsis-guardrail-2026-11-23.1", store.current().orElseThrow().version());
        assertTrue(store.ready());
        assertTrue(store.detail().contains("last reload refused"));
        Files.writeString(f, V1);
        store.reload();
        assertEquals("sepsis-guardrail-2026-11-23.1", store.detail(), "a good reload clears the refusal");
    }

    @Test
    void missing_configured_file_is_not_ready_and_says_so() {
        GuardrailStore store = storeOn(dir.resolve("absent.json"));
        assertFalse(store.ready());
        assertTrue(store.current().isEmpty());
        assertTrue(store.detail().contains("cannot read"), store.detail());
    }

    @Test
    void readers_always_see_a_whole_snapshot_during_concurrent_reloads() throws Exception {
        Path f = dir.resolve("g.json");
        Files.writeString(f, V1);
        GuardrailStore store = storeOn(f);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (!stop.get()) {
                    GuardrailConfig c = store.current().orElseThrow();
                    // version and rule values always belong together
                    double expected = c.version().equals("v2") ? 100 : 90;
                    double actual = c.rules().get(0).value();
                    if (actual != expected) {
                        throw new AssertionError("half-applied snapshot " + c.version() + " with SBP " + actual);
                    }
                    reads++;
                }
                return reads;
            });
            for (int i = 0; i < 60; i++) {
                Files.writeString(f, i % 3 == 0 ? "{garbage" : i % 2 == 0 ? V2 : V1);
                try {
                    store.reload();
                } catch (InvalidGuardrailConfigException expected) {
                    // the old snapshot stays live
                }
            }
            stop.set(true);
            assertTrue(reader.get() > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void default_source_is_the_repository_file() {
        GuardrailStore store = new GuardrailStore(Optional.empty(), Clock.systemUTC());
        assertEquals("config/guardrails/sepsis-guardrail.json", store.current().orElseThrow().source());
        assertNotNull(store.current().orElseThrow().description());
    }

    @Test
    void the_packaged_default_is_on_the_classpath_and_valid() throws Exception {
        try (InputStream in = GuardrailStore.class.getResourceAsStream(GuardrailStore.PACKAGED)) {
            assertNotNull(in, "pom resource rule packages config/guardrails/*.json under /defaults/guardrails/");
            GuardrailConfig c = GuardrailConfigParser.parse(in.readAllBytes(), "classpath", Instant.EPOCH);
            assertEquals(Shipped.config().version(), c.version());
        }
    }
}
