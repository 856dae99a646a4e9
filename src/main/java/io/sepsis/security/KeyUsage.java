package io.sepsis.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests per API key, as Micrometer counter {@value #METRIC} (Prometheus {@code api_key_requests_total}) tagged
 * {@code key_id} (the 12-hex id, never the key), {@code endpoint} (method and route template, e.g.
 * {@code POST /classify}) and {@code outcome} ({@code allowed} or {@code rate_limited}). Cardinality is bounded: key
 * ids come only from configured keys (refused keys are not counted here), endpoints from the resource methods. A batch
 * request counts as one request.
 */
@Singleton
public class KeyUsage {
    public static final String METRIC = "api.key.requests";
    public static final String ALLOWED = "allowed";
    public static final String RATE_LIMITED = "rate_limited";

    private record CounterKey(String keyId, String endpoint, String outcome) {
    }

    private record ResourceMethod(Class<?> type, String name, List<Class<?>> parameters) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<ResourceMethod, String> templates = new ConcurrentHashMap<>();

    public KeyUsage(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String keyId, String endpoint, String outcome) {
        counters.computeIfAbsent(new CounterKey(keyId, endpoint, outcome), k -> Counter.builder(METRIC)
                .description("Requests per API key (by key id), endpoint and outcome")
                .tag("key_id", k.keyId()).tag("endpoint", k.endpoint()).tag("outcome", k.outcome())
                .register(registry)).increment();
    }

    /** {@code METHOD /route/template} of the matched resource method (path parameters stay as {@code {name}}). */
    public String endpoint(String httpMethod, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return httpMethod + " (unmatched)";
        }
        String template = templates.computeIfAbsent(new ResourceMethod(resource.getResourceClass(),
                resource.getMethodName(), List.of(resource.parameterTypes())), KeyUsage::template);
        return httpMethod + " " + template;
    }

    private static String template(ResourceMethod m) {
        StringBuilder path = new StringBuilder();
        append(path, m.type().getAnnotation(Path.class));
        for (Class<?> c = m.type(); c != null; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(m.name(), m.parameters().toArray(Class<?>[]::new));
                append(path, method.getAnnotation(Path.class));
                break;
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static void append(StringBuilder path, Path annotation) {
        if (annotation == null) {
            return;
        }
        String part = annotation.value().replaceAll("^/+|/+$", "");
        if (!part.isEmpty()) {
            path.append('/').append(part);
        }
    }

    /** One key's usage since start, for {@code GET /performance}. */
    public record Summary(long requests, @JsonProperty("rate_limited") long rateLimited,
                          Map<String, Long> endpoints) {
    }

    /** Usage by key id (then endpoint) read back from the registry's {@value #METRIC} counters. */
    public static Map<String, Summary> summarize(MeterRegistry registry) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Map<String, Long>> byEndpoint = new TreeMap<>();
        for (Counter c : registry.find(METRIC).counters()) {
            String keyId = c.getId().getTag("key_id");
            long n = (long) c.count();
            long[] t = totals.computeIfAbsent(keyId, k -> new long[2]);
            t[0] += n;
            if (RATE_LIMITED.equals(c.getId().getTag("outcome"))) {
                t[1] += n;
            }
            byEndpoint.computeIfAbsent(keyId, k -> new TreeMap<>()).merge(c.getId().getTag("endpoint"), n, Long::sum);
        }
        Map<String, Summary> out = new TreeMap<>();
        totals.forEach((keyId, t) -> out.put(keyId, new Summary(t[0], t[1], byEndpoint.get(keyId))));
        return out;
    }
}
