package io.sepsis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sepsis.testsupport.TestEchoResource;

/** Per-key usage counters: tagged by key id, route template and outcome, summed back for /performance. */
class KeyUsageTest {

    /** As RESTEasy Reactive describes a matched method of the test-only {@link TestEchoResource}. */
    static SimpleResourceInfo info(String method, Class<?>... parameters) {
        return new SimpleResourceInfo() {
            @Override
            public Class<?> getResourceClass() {
                return TestEchoResource.class;
            }

            @Override
            public String getMethodName() {
                return method;
            }

            @Override
            public Class<?>[] parameterTypes() {
                return parameters;
            }
        };
    }

    @Test
    void endpoints_are_named_by_method_and_route_template_of_the_matched_resource_method() {
        KeyUsage usage = new KeyUsage(new SimpleMeterRegistry());
        assertEquals("POST /test-echo", usage.endpoint("POST", info("echo", JsonNode.class)));
        assertEquals("GET /test-echo/request-id", usage.endpoint("GET", info("requestId")));
        assertEquals("POST /test-echo/typed", usage.endpoint("POST", info("typed", TestEchoResource.Vitals.class)));
        assertEquals("GET (unmatched)", usage.endpoint("GET", null));
    }

    @Test
    void usage_is_counted_per_key_id_and_summed_per_key_for_performance() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KeyUsage usage = new KeyUsage(registry);
        String a = ApiKeyMatcher.keyId("test-key-1");
        String b = ApiKeyMatcher.keyId("test-key-2");
        usage.count(a, "POST /classify", KeyUsage.ALLOWED);
        usage.count(a, "POST /classify", KeyUsage.ALLOWED);
        usage.count(a, "POST /classify", KeyUsage.RATE_LIMITED);
        usage.count(a, "POST /classify-batch", KeyUsage.ALLOWED);
        usage.count(b, "GET /performance", KeyUsage.ALLOWED);

        assertEquals(2.0, registry.get(KeyUsage.METRIC).tag("key_id", a).tag("endpoint", "POST /classify")
                .tag("outcome", "allowed").counter().count());
        Map<String, KeyUsage.Summary> summary = KeyUsage.summarize(registry);
        assertEquals(new KeyUsage.Summary(4, 1, Map.of("POST /classify", 3L, "POST /classify-batch", 1L)),
                summary.get(a));
        assertEquals(new KeyUsage.Summary(1, 0, Map.of("GET /performance", 1L)), summary.get(b));
        assertEquals(2, summary.size());
    }
}
