package io.sepsis.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 * {@code detail} and {@code errors} name fields and ranges, never request values (they may be patient data).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "request_id", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", example = "urn:sepsis:problem:validation")
        String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "HR: must be between 0 and 300 (beats/min)") String detail,
        String instance,
        @JsonProperty("request_id") @Schema(example = "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59") String requestId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(description = "Field errors, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** RFC 9457: "about:blank" means the problem is just the HTTP status; its title is the status phrase. */
    public static final String TYPE_BLANK = "about:blank";
    public static final String TYPE_VALIDATION = "urn:sepsis:problem:validation";
    public static final String TYPE_MALFORMED_JSON = "urn:sepsis:problem:malformed-json";
    public static final String TYPE_UNAUTHORIZED = "urn:sepsis:problem:unauthorized";
    public static final String TYPE_PAYLOAD_TOO_LARGE = "urn:sepsis:problem:payload-too-large";
    public static final String TYPE_INTERNAL = "urn:sepsis:problem:internal-error";
    /** 429 from the optional per-API-key rate limit (io.sepsis.security.ratelimit), with {@code Retry-After}. */
    public static final String TYPE_RATE_LIMITED = "urn:sepsis:problem:rate-limited";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(String type, String title, int status, String detail, String requestId) {
        return new Problem(type, title, status, detail, null, requestId, List.of());
    }

    /** This problem as a JAX-RS response with content type {@value #MEDIA_TYPE}. */
    public RestResponse<Problem> toResponse() {
        return RestResponse.ResponseBuilder.<Problem> create(status).entity(this).type(MEDIA_TYPE).build();
    }

    public static Problem of(ProblemException e, String requestId) {
        return new Problem(e.type(), e.title(), e.status(), e.detail(), null, requestId, e.errors());
    }
}
