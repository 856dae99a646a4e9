package io.sepsis.ops.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.sepsis.api.RequestIds;
import io.sepsis.ops.health.HealthAggregator;
import io.sepsis.ops.health.HealthReport;

@Path("/health")
@Tag(name = "Operations")
public class HealthResource {

    public record HealthBody(String status, Map<String, HealthReport.Component> components,
            @JsonProperty("request_id") String requestId) {
    }

    private final HealthAggregator aggregator;

    HealthResource(HealthAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements // open: load balancers and App Runner probe it without a key
    @Operation(summary = "Service health", description = "200 when every component the service runs (model, ML "
            + "thresholds, guardrail config, prompt) is loaded and valid, else 503 naming the ones that are not.")
    @APIResponse(responseCode = "200", description = "All components ready", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "healthy", value = """
                    {"status": "healthy", "components": {"model": {"ready": true, "detail": "xgb-2026-01 loaded"},
                     "ml_thresholds": {"ready": true, "detail": "version 3"}},
                     "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}""")))
    @APIResponse(responseCode = "503", description = "At least one component not ready", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unhealthy", value = """
                    {"status": "unhealthy", "components": {"model": {"ready": false, "detail": "model file missing"},
                     "ml_thresholds": {"ready": true, "detail": "version 3"}},
                     "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}""")))
    public RestResponse<HealthBody> health() {
        HealthReport report = aggregator.check();
        HealthBody body = new HealthBody(report.status(), report.components(), RequestIds.current());
        return RestResponse.status(report.healthy() ? RestResponse.Status.OK : RestResponse.Status.SERVICE_UNAVAILABLE,
                body);
    }
}
