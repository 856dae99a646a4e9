package io.sepsis.security;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.sepsis.api.Problem;
import io.sepsis.api.RequestIds;
import io.vertx.ext.web.RoutingContext;

/**
 * API-key check for every JAX-RS endpoint except {@link OpenEndpoints}: header {@value #HEADER} must equal one of
 * the keys accepted now ({@link ApiKeys}: environment and, optionally, a refreshed Secrets Manager secret); otherwise
 * {@code 401} problem+json. With no key accepted every protected endpoint refuses (fail closed) and a warning is
 * logged once at start. Keys are never logged; the matching key's id ({@link ApiKeyMatcher#keyId}) is exposed as
 * request property {@value #KEY_ID_PROPERTY} (on the JAX-RS request context and the Vert.x RoutingContext)
 * for per-key usage statistics.
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-API-Key";
    public static final String KEY_ID_PROPERTY = "io.sepsis.api_key_id";

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    /** What the filter does with one request. */
    public record Decision(boolean allowed, Optional<String> keyId) {
        static final Decision OPEN = new Decision(true, Optional.empty());
        static final Decision DENIED = new Decision(false, Optional.empty());
    }

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<RestResponse<Problem>> authenticate(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        Decision decision = decide(keys.current(), request.getMethod(), path, request.getHeaderString(HEADER));
        if (!decision.allowed()) {
            LOG.debugf("Refused %s %s: missing or unknown API key", request.getMethod(), path);
            Problem problem = Problem.of(Problem.TYPE_UNAUTHORIZED, "Unauthorized", 401,
                    "missing or invalid API key (header " + HEADER + ")", RequestIds.current());
            return Optional.of(problem.toResponse());
        }
        decision.keyId().ifPresent(id -> {
            request.setProperty(KEY_ID_PROPERTY, id);
            routing.put(KEY_ID_PROPERTY, id);
        });
        return Optional.empty();
    }

    /** The whole policy, without HTTP: open endpoint, or a key that matches; nothing else (also when none is set). */
    public static Decision decide(ApiKeyMatcher keys, String method, String path, String presentedKey) {
        if (OpenEndpoints.isOpen(method, path)) {
            return Decision.OPEN;
        }
        Optional<String> keyId = keys.match(presentedKey);
        return keyId.isPresent() ? new Decision(true, keyId) : Decision.DENIED;
    }
}
