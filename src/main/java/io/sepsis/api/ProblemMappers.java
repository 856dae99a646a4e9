package io.sepsis.api;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns exceptions into {@code application/problem+json}. Details name fields, JSON positions
 * and ranges; they never repeat request values (Jackson's own messages quote them, so they are not used).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowedMethods;

    @Inject
    ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        return response(Problem.of(e, RequestIds.current()));
    }

    /** Wrong JSON type for a bound Java type, e.g. {@code "HR": "abc"} into a {@code Double}. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e) {
        return response(jsonProblem(e));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e); // one of our types cannot be (de)serialised: a server bug, not bad input
        }
        return response(jsonProblem(e));
    }

    /**
     * 404, 405, 406, 415 and friends from JAX-RS. A WebApplicationException that already carries an entity is a
     * deliberate response of its thrower and is passed through unchanged.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps Jackson's parse and constraint errors in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonProcessingException jpe && !(jpe instanceof InvalidDefinitionException)) {
            return jsonProblem(jpe).toResponse().toResponse();
        }
        Response original = e.getResponse();
        if (original != null && original.hasEntity()) {
            return original;
        }
        int status = original != null ? original.getStatus() : 500;
        if (status >= 500) {
            return unexpected(e).toResponse();
        }
        Problem problem = Problem.of(Problem.TYPE_BLANK, reason(status), status, detailFor(status),
                RequestIds.current());
        Response.ResponseBuilder builder = Response.status(status).entity(problem).type(Problem.MEDIA_TYPE);
        if (status == 405) { // a 405 says what the path allows (RFC 9110 §15.5.6)
            allowedMethods.allow(uri.getPath()).ifPresent(allow -> builder.header(HttpHeaders.ALLOW, allow));
        }
        return builder.build();
    }

    /** Anything else: 500 with the request id and nothing internal; the cause is logged here, never returned. */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable t) {
        String id = RequestIds.current();
        if (t instanceof IOException && "Request too large".equals(t.getMessage())) {
            // Quarkus' stream already answered 413 (a body over the limit that slipped past HttpEdge).
            return response(Problem.of(Problem.TYPE_PAYLOAD_TOO_LARGE, "Payload too large", 413,
                    "request body exceeds the limit", id));
        }
        LOG.errorf("Unexpected failure, answered 500 (request_id=%s): %s", id, withoutMessages(t));
        return response(internalError(id));
    }

    /**
     * Exception classes and stack frames, never messages: a message may carry a value from the request (a patient
     * id, a note), and logs must not hold patient data.
     */
    static String withoutMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 5; c = c.getCause(), depth++) {
            sb.append(depth == 0 ? "" : " <- caused by ").append(c.getClass().getName());
            StackTraceElement[] st = c.getStackTrace();
            for (int i = 0; i < Math.min(8, st.length); i++) {
                sb.append("\n\tat ").append(st[i]);
            }
        }
        return sb.toString();
    }

    static Problem internalError(String requestId) {
        return Problem.of(Problem.TYPE_INTERNAL, "Internal Server Error", 500,
                "An unexpected error occurred; quote the request_id when reporting it", requestId);
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "the request is invalid";
            case 401 -> "missing or invalid API key (header X-API-Key)";
            case 403 -> "not allowed";
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this path";
            case 406 -> "cannot produce a representation the Accept header allows; use application/json";
            case 413 -> "request body too large";
            case 415 -> "unsupported Content-Type; send application/json";
            default -> reason(status);
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private static RestResponse<Problem> response(Problem problem) {
        return problem.toResponse();
    }

    /** A 400 for malformed or mistyped JSON, naming where it happened but not what was there. */
    static Problem jsonProblem(JsonProcessingException e) {
        String id = RequestIds.current();
        String path = path(e);
        String where = location(e.getLocation());
        if (e instanceof StreamConstraintsException) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")
                    ? "JSON nested too deeply (limit " + JsonLimits.MAX_NESTING_DEPTH + " levels)"
                    : "JSON exceeds a size limit (number, string or name length)";
            return Problem.of(Problem.TYPE_MALFORMED_JSON, "Malformed JSON", 400, what + where, id);
        }
        if (e instanceof MismatchedInputException mie && !path.isEmpty()) {
            String message = mismatchMessage(mie);
            return new Problem(Problem.TYPE_VALIDATION, "Invalid request", 400, path + ": " + message, null, id,
                    List.of(new FieldError(path, message)));
        }
        if (e instanceof MismatchedInputException) {
            return Problem.of(Problem.TYPE_MALFORMED_JSON, "Malformed JSON", 400,
                    "request body does not have the expected JSON structure" + where, id);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (original.startsWith("Duplicate field")) {
            what = "duplicate key";
        } else if (original.contains("Non-standard token")) {
            what = "non-finite number (NaN or Infinity) is not valid JSON";
        } else if (original.contains("end-of-input")) {
            what = "unexpected end of JSON";
        } else if (original.contains("Trailing token")) {
            what = "unexpected content after the JSON value";
        } else {
            what = "malformed JSON";
        }
        String detail = what + (path.isEmpty() ? "" : " at " + path) + where;
        return new Problem(Problem.TYPE_MALFORMED_JSON, "Malformed JSON", 400, detail, null, id,
                path.isEmpty() ? List.of() : List.of(new FieldError(path, what)));
    }

    private static String mismatchMessage(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong JSON type";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == int.class
                || target == long.class || target == float.class || target == short.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be a boolean";
        }
        if (target == String.class || target.isEnum()) {
            return target.isEnum() ? "is not one of the allowed values" : "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    /** {@code history[3].HR} from Jackson's reference chain, or from the parser's context for syntax errors. */
    static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(truncate(ref.getFieldName()));
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        if (e.getProcessor() instanceof JsonParser parser && !(e instanceof StreamConstraintsException)) {
            return fromContext(parser.getParsingContext());
        }
        return "";
    }

    /** Where the parser was: object member names and array indexes from the root, e.g. {@code history[3].HR}. */
    static String fromContext(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                segments.addFirst("." + truncate(c.getCurrentName()));
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String truncate(String name) {
        return name.length() <= ObservationParser.MAX_NAME_LENGTH ? name
                : name.substring(0, ObservationParser.MAX_NAME_LENGTH) + "…";
    }

    private static String location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
