package io.sepsis.ops;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.sepsis.security.OpenEndpoints;

/**
 * The endpoints of the API contract, listed by {@code GET /}. Whether one needs a key comes from
 * {@link OpenEndpoints}, the same rule the filter applies. Add a line here when adding an endpoint.
 */
public final class Endpoints {

    public record Endpoint(String method, String path, String summary,
            @JsonProperty("requires_api_key") boolean requiresApiKey) {
        Endpoint(String method, String path, String summary) {
            this(method, path, summary, !OpenEndpoints.isOpen(method, path));
        }
    }

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/", "Service name, version and this endpoint list"),
            new Endpoint("GET", "/health", "Healthy when every component (model, thresholds, guardrail, prompt) is ready"),
            new Endpoint("GET", "/docs", "Swagger UI"),
            new Endpoint("GET", "/openapi.json", "OpenAPI 3 document"),
            new Endpoint("POST", "/classify", "ML pathway: sepsis risk of one patient"),
            new Endpoint("POST", "/classify-batch", "ML pathway: up to 1,000 patients"),
            new Endpoint("POST", "/classify/timeline", "ML pathway: one ICU stay scored hour by hour"),
            new Endpoint("GET", "/config/current", "ML pathway: live thresholds"),
            new Endpoint("POST", "/reload-config", "ML pathway: reload thresholds"),
            new Endpoint("POST", "/genai-classify", "GenAI pathway: LLM assessment behind the clinical guardrail"),
            new Endpoint("POST", "/genai-classify-batch", "GenAI pathway: several patients, concurrently"),
            new Endpoint("POST", "/genai-prompt/reload", "GenAI pathway: reload the versioned prompt"),
            new Endpoint("GET", "/genai-health", "GenAI pathway: provider and circuit-breaker state (no LLM call)"),
            new Endpoint("GET", "/genai-guardrail/thresholds", "GenAI pathway: live guardrail configuration"),
            new Endpoint("POST", "/genai-guardrail/reload", "GenAI pathway: reload the guardrail configuration"),
            new Endpoint("GET", "/performance", "Request counts, errors and latency percentiles per endpoint"),
            new Endpoint("GET", "/q/health", "MicroProfile Health (live, ready)"),
            new Endpoint("GET", "/q/metrics", "Prometheus metrics with SLO buckets"));

    private Endpoints() {
    }
}
