package io.sepsis.ops.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.sepsis.api.RequestIds;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmHealth;
import io.sepsis.genai.service.GenaiMetrics;
import io.sepsis.security.KeyUsage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /performance}: per-endpoint counts, errors and latency percentiles since start, LLM statistics, GenAI
 * decisions (degraded by reason, overrides by rule, LLM latency and estimated cost), uptime.
 */
@Path("/performance")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {
    private final MeterRegistry registry;
    private final LlmAssessor llm;
    private final GenaiMetrics metrics;

    public PerformanceResource(MeterRegistry registry, LlmAssessor llm, GenaiMetrics metrics) {
        this.registry = registry;
        this.llm = llm;
        this.metrics = metrics;
    }

    /** One endpoint: counts by outcome and the latency of its successful requests (last ~2 minutes). */
    public record Endpoint(long requests, @JsonProperty("client_errors") long clientErrors,
                           @JsonProperty("server_errors") long serverErrors,
                           @JsonProperty("p50_ms") Double p50, @JsonProperty("p95_ms") Double p95,
                           @JsonProperty("p99_ms") Double p99, @JsonProperty("max_ms") double maxMs) {
    }

    /**
     * GenAI decisions since start, from the meters of {@link GenaiMetrics}: by status, degraded by reason, guardrail
     * overrides by trigger rule, escalations by floor, LLM latency (last ~5 minutes) and estimated cost.
     */
    public record Genai(Map<String, Long> decisions, @JsonProperty("degraded_by_reason") Map<String, Long> degraded,
                        @JsonProperty("guardrail_overrides_by_rule") Map<String, Long> overridesByRule,
                        @JsonProperty("escalations_by_floor") Map<String, Long> escalationsByFloor,
                        @JsonProperty("llm_latency_p50_ms") Double llmP50, @JsonProperty("llm_latency_p95_ms") Double llmP95,
                        @JsonProperty("llm_latency_p99_ms") Double llmP99,
                        @JsonProperty("llm_estimated_cost_usd") Double estimatedCostUsd) {
    }

    public record Performance(@JsonProperty("request_id") String requestId,
                              @JsonProperty("uptime_seconds") long uptimeSeconds,
                              Map<String, Endpoint> endpoints, LlmHealth llm, Genai genai,
                              @JsonProperty("api_keys") Map<String, KeyUsage.Summary> apiKeys) {
    }

    @GET
    @Operation(summary = "Request counts, errors and latency percentiles per endpoint; LLM call statistics; uptime; "
            + "requests per API key id",
            description = "Counts are since start; percentiles are of successful (2xx) requests over a sliding "
                    + "window of about two minutes. Prometheus text with SLO buckets: GET /q/metrics.")
    @APIResponse(responseCode = "200", description = "Performance summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summary", value = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "uptime_seconds": 3600,
             "endpoints": {"POST /classify": {"requests": 120344, "client_errors": 12, "server_errors": 0,
                           "p50_ms": 0.6, "p95_ms": 1.9, "p99_ms": 4.1, "max_ms": 12.5}},
             "llm": {"status": "disabled", "provider": "none", "model": "none", "circuit_state": "closed"},
             "genai": {"decisions": {"degraded": 42, "success": 1200},
                       "degraded_by_reason": {"llm_disabled": 0, "timeout": 42},
                       "guardrail_overrides_by_rule": {"lactate_severe": 7, "sbp_critical": 9},
                       "escalations_by_floor": {"qsofa_high_risk": 15}, "llm_latency_p50_ms": 1450.0,
                       "llm_latency_p95_ms": 3900.0, "llm_latency_p99_ms": 6100.0, "llm_estimated_cost_usd": 3.91},
             "api_keys": {"5f1c2a9e0b7d": {"requests": 120344, "rate_limited": 12,
                          "endpoints": {"POST /classify": 120344}}}}""")))

    public Performance performance() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Timer> ok = new TreeMap<>();
        Map<String, Double> max = new TreeMap<>();
        for (Timer t : registry.find("http.server.requests").timers()) {
            String key = t.getId().getTag("method") + " " + t.getId().getTag("uri");
            String status = String.valueOf(t.getId().getTag("status"));
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            c[0] += t.count();
            if (status.startsWith("4")) {
                c[1] += t.count();
            } else if (status.startsWith("5")) {
                c[2] += t.count();
            } else if (status.startsWith("2")) {
                ok.put(key, t);
            }
            max.merge(key, t.max(TimeUnit.MILLISECONDS), Math::max);
        }
        Map<String, Endpoint> endpoints = new TreeMap<>();
        counts.forEach((key, c) -> {
            Double[] p = new Double[3];
            Timer t = ok.get(key);
            if (t != null) {
                fillPercentiles(t, p);
            }
            endpoints.put(key, new Endpoint(c[0], c[1], c[2], p[0], p[1], p[2], max.get(key)));
        });
        return new Performance(RequestIds.current(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                endpoints, llm.health(), genai(), apiKeyUsage());
    }

    /** Requests per API key id (never the key) and endpoint, allowed and rate-limited, since start. */
    private Map<String, KeyUsage.Summary> apiKeyUsage() {
        return KeyUsage.summarize(registry);
    }

    private Genai genai() {
        Double[] p = new Double[3];
        long latencyCount = 0;
        for (Timer t : registry.find(GenaiMetrics.LLM_LATENCY).timers()) {
            // one provider and model per process; the busiest outcome's window stands for the whole
            if (t.count() > latencyCount) {
                latencyCount = t.count();
                fillPercentiles(t, p);
            }
        }
        Double cost = metrics.pricesConfigured()
                ? registry.find(GenaiMetrics.LLM_COST).counters().stream().mapToDouble(Counter::count).sum() : null;
        return new Genai(countsBy(GenaiMetrics.DECISIONS, "status"), countsBy(GenaiMetrics.DEGRADED, "reason"),
                countsBy(GenaiMetrics.OVERRIDES, "rule"), countsBy(GenaiMetrics.ESCALATIONS, "floor"),
                p[0], p[1], p[2], cost);
    }

    private Map<String, Long> countsBy(String meter, String tag) {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : registry.find(meter).counters()) {
            out.merge(c.getId().getTag(tag), (long) c.count(), Long::sum);
        }
        return out;
    }

    private static void fillPercentiles(Timer t, Double[] p) {
        for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
            int i = v.percentile() == 0.5 ? 0 : v.percentile() == 0.95 ? 1 : v.percentile() == 0.99 ? 2 : -1;
            if (i >= 0) {
                p[i] = Math.round(v.value(TimeUnit.MILLISECONDS) * 1000) / 1000.0;
            }
        }
    }
}
