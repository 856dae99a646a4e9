package io.sepsis.ops.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.sepsis.api.RequestIds;
import io.sepsis.ops.Endpoints;

@Path("/")
@Tag(name = "Operations")
public class RootResource {

    public record ServiceInfo(String name, String version, String docs, String openapi,
            List<Endpoints.Endpoint> endpoints, @JsonProperty("request_id") String requestId) {
    }

    private final String name;
    private final String version;

    RootResource(@ConfigProperty(name = "quarkus.application.name") String name,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.name = name;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements // open: no API key
    @Operation(summary = "Service name, version and endpoint list")
    @APIResponse(responseCode = "200", description = "Service information", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "service", value = """
                    {"name": "sepsis-ews", "version": "0.1.0", "docs": "/docs", "openapi": "/openapi.json",
                     "endpoints": [{"method": "GET", "path": "/health", "summary": "Healthy when every component \
                    (model, thresholds, guardrail, prompt) is ready", "requires_api_key": false},
                     {"method": "POST", "path": "/classify", "summary": "ML pathway: sepsis risk of one patient",
                      "requires_api_key": true}],
                     "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}""")))
    public ServiceInfo info() {
        return new ServiceInfo(name, version, "/docs", "/openapi.json", Endpoints.ALL, RequestIds.current());
    }
}
