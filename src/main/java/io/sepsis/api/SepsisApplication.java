package io.sepsis.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenAPI document header ({@code /openapi.json}, Swagger UI at {@code /docs}). The API-key scheme applies to every
 * operation; open endpoints opt out with an empty {@code @SecurityRequirements}. The reusable problem responses
 * declared here are attached to every operation by {@link ProblemResponsesFilter}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Sepsis early-warning API", version = "0.1.0", description = """
                Sepsis risk for ICU patients from vital signs and labs, by two pathways: an XGBoost model trained on \
                PhysioNet 2019 (`/classify`) and an LLM assessment bounded by a deterministic clinical guardrail \
                (`/genai-classify`). Field names are the PhysioNet 2019 column names (aliases accepted); `null` means \
                not measured. Protected endpoints need header `X-API-Key`. Errors are `application/problem+json` \
                (RFC 9457); every response carries `X-Request-Id`. Decision support only: not a diagnosis."""),
        security = @SecurityRequirement(name = SepsisApplication.API_KEY_SCHEME),
        tags = @Tag(name = "Operations", description = "Service information and health (no API key)"),
        components = @Components(responses = {
                @APIResponse(name = ProblemResponsesFilter.BAD_REQUEST, responseCode = "400",
                        description = "Malformed JSON, wrong types or physiologically impossible values",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "validation", value = """
                                        {"type": "urn:sepsis:problem:validation", "title": "Invalid request",
                                         "status": 400, "detail": "2 fields are invalid",
                                         "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59",
                                         "errors": [{"field": "HR", "message": "must be between 0 and 300 (beats/min)"},
                                                    {"field": "history[1].Temp", "message": "must be between 15 and \
                                        45 (°C); looks like °F; send °C (°C = (°F - 32) / 1.8)"}]}"""))),
                @APIResponse(name = ProblemResponsesFilter.UNAUTHORIZED, responseCode = "401",
                        description = "Missing or invalid X-API-Key",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unauthorized", value = """
                                        {"type": "urn:sepsis:problem:unauthorized", "title": "Unauthorized",
                                         "status": 401, "detail": "missing or invalid API key (header X-API-Key)",
                                         "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}"""))),
                @APIResponse(name = ProblemResponsesFilter.PAYLOAD_TOO_LARGE, responseCode = "413",
                        description = "Body over 2 MB (or a batch over its limit)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "too large", value = """
                                        {"type": "urn:sepsis:problem:payload-too-large", "title": "Payload too large",
                                         "status": 413, "detail": "request body exceeds 2 MB",
                                         "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}"""))),
                @APIResponse(name = ProblemResponsesFilter.TOO_MANY_REQUESTS, responseCode = "429",
                        description = "Over the per-API-key rate limit (only when RATE_LIMIT_PER_KEY_PER_MINUTE is "
                                + "set); header Retry-After gives the seconds to wait",
                        headers = @Header(name = "Retry-After", description = "Seconds until a request may succeed",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "rate limited", value = """
                                        {"type": "urn:sepsis:problem:rate-limited", "title": "Too Many Requests",
                                         "status": 429, "detail": "rate limit of 60 requests per minute per API key \
                                        (bursts of up to 60) exceeded; retry after 1 s",
                                         "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}"""))),
                @APIResponse(name = ProblemResponsesFilter.INTERNAL_ERROR, responseCode = "500",
                        description = "Unexpected failure; quote the request_id",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "internal", value = """
                                        {"type": "urn:sepsis:problem:internal-error",
                                         "title": "Internal Server Error", "status": 500,
                                         "detail": "An unexpected error occurred; quote the request_id when reporting it",
                                         "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}"""))) }))
@SecurityScheme(securitySchemeName = SepsisApplication.API_KEY_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
        description = "One of the keys configured in API_KEYS / API_KEY or in the secret API_KEYS_SECRET_ID")
public class SepsisApplication extends Application {
    public static final String API_KEY_SCHEME = "ApiKeyAuth";
}
