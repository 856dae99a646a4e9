package io.sepsis.ops.config;

import io.sepsis.guardrail.config.GuardrailStore;
import io.sepsis.guardrail.Shipped;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsStore;
import io.sepsis.testsupport.S3rver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several service instances sharing one thresholds object in a real S3-compatible server (s3rver on 127.0.0.1):
 * each "instance" has its own S3 client, store and poller, as separate processes would.
 */
class SharedConfigConvergenceTest {
    static final Duration INTERVAL = Duration.ofMillis(300);
    /** One poll interval, plus generous room for a loaded 2-core CI machine. */
    static final Duration WITHIN = INTERVAL.plusSeconds(3);

    static S3rver s3;
    static final AtomicInteger KEYS = new AtomicInteger();

    final List<S3Client> clients = new ArrayList<>();
    final List<ConfigPoller> pollers = new ArrayList<>();

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3rver.start("sepsis-config");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @AfterEach
    void stopInstances() {
        pollers.forEach(ConfigPoller::stop);
        clients.forEach(S3Client::close);
    }

    static String thresholds(String version, double alert) {
        return """
                {"version": "%s", "alert_threshold": %s,
                 "risk_levels": {"moderate_from": 0.01, "high_from": "alert_threshold", "critical_from": 0.30},
                 "escalation_floors": [
                   {"criterion": "septic_shock", "min_level": "CRITICAL", "rationale": "r", "source": "Sepsis-3"}]}
                """.formatted(version, alert);
    }

    static String freshKey() {
        return "ml-thresholds-" + KEYS.incrementAndGet() + ".json";
    }

    ConfigSources sourcesOfNewInstance() {
        S3Client client = s3.newClient();
        clients.add(client);
        Supplier<S3Client> supplier = () -> client;
        return new ConfigSources(supplier);
    }

    MlThresholdsStore instance(String key, boolean polling) {
        ConfigSource source = sourcesOfNewInstance().choose("ML thresholds", Optional.of(s3.uri(key)),
                Optional.empty(), "absent.json", "/absent.json");
        MlThresholdsStore store = new MlThresholdsStore(source, Clock.systemUTC());
        if (polling) {
            ConfigPoller poller = new ConfigPoller(List.of(store), INTERVAL);
            poller.start();
            pollers.add(poller);
        }
        return store;
    }

    static String version(MlThresholdsStore store) {
        return store.current().map(MlThresholds::version).orElse("none");
    }

    static void awaitAll(List<MlThresholdsStore> stores, String version) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (stores.stream().allMatch(s -> version.equals(version(s)))) {
                return;
            }
            Thread.sleep(20);
        }
        fail("not every instance reached " + version + " within " + WITHIN + ": "
                + stores.stream().map(SharedConfigConvergenceTest::version).toList());
    }

    @Test
    void two_instances_converge_on_a_new_object_within_one_poll_interval() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("v1", 0.10));
        List<MlThresholdsStore> fleet = List.of(instance(key, true), instance(key, true));
        awaitAll(fleet, "v1");
        MlThresholds first = fleet.get(0).current().orElseThrow();
        assertTrue(first.source().startsWith(s3.uri(key) + " (ETag "), first.source());

        s3.put(key, thresholds("v2", 0.12));
        awaitAll(fleet, "v2");
        for (MlThresholdsStore store : fleet) {
            assertEquals(0.12, store.current().orElseThrow().alertThreshold());
            assertEquals(2, store.reloadable().counts().swapped());
        }
    }

    @Test
    void an_invalid_object_reaches_no_instance_is_read_once_and_a_later_good_one_wins() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("good-1", 0.10));
        List<MlThresholdsStore> fleet = List.of(instance(key, true), instance(key, true));
        awaitAll(fleet, "good-1");

        s3.put(key, "{\"version\": \"broken\", \"alert_threshold\": 7}");
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (fleet.stream().anyMatch(s -> s.reloadable().counts().refused() == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(INTERVAL.toMillis() * 3); // several more polls of the same refused object
        for (MlThresholdsStore store : fleet) {
            assertEquals("good-1", version(store));
            assertEquals(1, store.reloadable().counts().refused(), "a refused object is read once, not every poll");
            assertTrue(store.detail().contains("last reload refused"), store.detail());
            assertTrue(store.ready());
        }

        s3.put(key, thresholds("good-2", 0.11));
        awaitAll(fleet, "good-2");
        assertFalse(fleet.get(0).detail().contains("refused"));
    }

    @Test
    void unreachable_s3_keeps_the_live_version_and_the_fleet_catches_up_when_it_returns() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("before-outage", 0.10));
        List<MlThresholdsStore> fleet = List.of(instance(key, true), instance(key, true));
        awaitAll(fleet, "before-outage");

        s3.stop();
        try {
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (fleet.stream().anyMatch(s -> s.reloadable().counts().sourceErrors() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20); // every instance has polled the dead endpoint at least once
            }
            for (MlThresholdsStore store : fleet) {
                assertEquals("before-outage", version(store));
                assertTrue(store.ready(), "an S3 outage must not take an instance out of service");
                assertTrue(store.reloadable().counts().sourceErrors() > 0);
            }
        } finally {
            s3.start();
        }
        s3.put(key, thresholds("after-outage", 0.11));
        awaitAll(fleet, "after-outage");
    }

    @Test
    void a_deleted_object_keeps_the_live_version() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("kept", 0.10));
        MlThresholdsStore store = instance(key, false);
        s3.delete(key);
        assertEquals(ReloadableConfig.PollOutcome.SOURCE_ERROR, store.reloadable().poll());
        assertThrows(io.sepsis.ml.config.MlThresholdsParser.InvalidThresholdsException.class, store::reload);
        assertEquals("kept", version(store));
        assertTrue(store.ready());
        assertEquals(0, store.reloadable().counts().refused(), "a failed read is a source error, not a refusal");
        assertEquals(2, store.reloadable().counts().sourceErrors());
    }

    @Test
    void an_explicit_reload_reads_at_once_without_waiting_for_a_poll() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("r1", 0.10));
        MlThresholdsStore store = instance(key, false);
        assertEquals("r1", version(store));
        s3.put(key, thresholds("r2", 0.10));
        var reloaded = store.reload();
        assertEquals("r2", reloaded.current().version());
        assertEquals("r1", reloaded.previousVersion());
        assertEquals(ReloadableConfig.PollOutcome.UNCHANGED, store.reloadable().poll());
    }

    @Test
    void an_instance_started_before_the_object_exists_is_not_ready_until_it_appears() throws Exception {
        String key = freshKey();
        MlThresholdsStore store = instance(key, false);
        assertFalse(store.ready());
        assertTrue(store.detail().contains("cannot read") && store.detail().contains("404"), store.detail());

        s3.put(key, thresholds("late", 0.10));
        assertEquals(ReloadableConfig.PollOutcome.SWAPPED, store.reloadable().poll());
        assertTrue(store.ready());
        assertEquals("late", version(store));
    }

    @Test
    void an_object_over_one_megabyte_is_refused_and_the_live_version_stays() throws Exception {
        String key = freshKey();
        s3.put(key, thresholds("small", 0.10));
        MlThresholdsStore store = instance(key, false);
        s3.put(key, " ".repeat(S3ConfigSource.MAX_BYTES + 1));
        assertEquals(ReloadableConfig.PollOutcome.SOURCE_ERROR, store.reloadable().poll());
        assertEquals("small", version(store));
        assertTrue(store.detail().contains("byte limit"), store.detail());
    }

    @Test
    void a_malformed_s3_uri_leaves_the_component_not_ready_and_says_why() {
        ConfigSource source = sourcesOfNewInstance().choose("ML thresholds", Optional.of("https://bucket/key"),
                Optional.empty(), "absent.json", "/absent.json");
        MlThresholdsStore store = new MlThresholdsStore(source, Clock.systemUTC());
        assertFalse(store.ready());
        assertTrue(store.detail().contains("not an s3://bucket/key URI"), store.detail());
    }

    @Test
    void the_guardrail_configuration_is_shared_the_same_way() throws Exception {
        String key = "guardrail-" + KEYS.incrementAndGet() + ".json";
        s3.put(key, Shipped.text());
        ConfigSource source = sourcesOfNewInstance().choose("guardrail configuration", Optional.of(s3.uri(key)),
                Optional.empty(), "absent.json", "/absent.json");
        GuardrailStore store = new GuardrailStore(source, Clock.systemUTC());
        assertEquals("sepsis-guardrail-2026-11-23.1", store.version().orElseThrow());

        s3.put(key, Shipped.text().replace("\"sepsis-guardrail-2026-11-23.1\"", "\"shared-v2\""));
        assertEquals(ReloadableConfig.PollOutcome.SWAPPED, store.reloadable().poll());
        assertEquals("shared-v2", store.version().orElseThrow());
        assertTrue(store.current().orElseThrow().source().startsWith(s3.uri(key)));
    }
}
