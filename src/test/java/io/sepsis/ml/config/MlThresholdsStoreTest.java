package io.sepsis.ml.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlThresholdsStoreTest {
    @TempDir
    Path dir;

    MlThresholdsStore storeOn(Path file) {
        return new MlThresholdsStore(Optional.of(file.toString()), Clock.systemUTC());
    }

    @Test
    void valid_reload_swaps_and_reports_the_previous_version() throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, MlThresholdsTest.VALID);
        MlThresholdsStore store = storeOn(f);
        assertEquals("t1", store.current().orElseThrow().version());
        Files.writeString(f, MlThresholdsTest.VALID.replace("\"t1\"", "\"t2\"").replace("0.10", "0.12"));
        var r = store.reload();
        assertEquals("t1", r.previousVersion());
        assertEquals("t2", store.current().orElseThrow().version());
        assertEquals(0.12, store.current().orElseThrow().alertThreshold());
    }

    @Test
    void invalid_reload_keeps_the_old_thresholds_live() throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, MlThresholdsTest.VALID);
        MlThresholdsStore store = storeOn(f);
        Files.writeString(f, "{\"version\": \"broken\", \"alert_threshold\": 7}");
        assertThrows(MlThresholdsParser.InvalidThresholdsException.class, store::reload);
        assertEquals("t1", store.current().orElseThrow().version());
        assertTrue(store.ready());
        assertTrue(store.detail().contains("last reload refused"));
    }

    @Test
    void missing_configured_file_is_not_ready_and_says_so() {
        MlThresholdsStore store = storeOn(dir.resolve("absent.json"));
        assertFalse(store.ready());
        assertTrue(store.current().isEmpty());
        assertTrue(store.detail().contains("cannot read"));
    }

    @Test
    void readers_always_see_a_whole_snapshot_during_concurrent_reloads() throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, MlThresholdsTest.VALID);
        MlThresholdsStore store = storeOn(f);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> reader = pool.submit(() -> {
            int reads = 0;
            while (!stop.get()) {
                MlThresholds t = store.current().orElseThrow();
                // version and values always belong together
                double expected = t.version().equals("t1") ? 0.10 : 0.12;
                if (t.alertThreshold() != expected) {
                    throw new AssertionError("half-applied snapshot " + t.version() + " " + t.alertThreshold());
                }
                reads++;
            }
            return reads;
        });
        for (int i = 0; i < 200; i++) {
            boolean two = i % 2 == 0;
            Files.writeString(f, two ? MlThresholdsTest.VALID.replace("\"t1\"", "\"t2\"").replace("0.10", "0.12")
                    : i % 3 == 0 ? "{garbage" : MlThresholdsTest.VALID);
            try {
                store.reload();
            } catch (MlThresholdsParser.InvalidThresholdsException expected) {
                // the old snapshot stays live
            }
        }
        stop.set(true);
        assertTrue(reader.get() > 0);
        pool.shutdown();
    }

    @Test
    void default_source_is_the_repository_file() {
        MlThresholdsStore store = new MlThresholdsStore(Optional.empty(), Clock.systemUTC());
        assertEquals("config/ml-thresholds.json", store.current().orElseThrow().source());
    }
}
