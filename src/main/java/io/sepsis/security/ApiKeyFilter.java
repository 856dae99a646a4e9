package io.sepsis.security;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.sepsis.api.Problem;
import io.sepsis.api.RequestIds;
import io.sepsis.security.ratelimit.KeyRateLimiter;
import io.vertx.ext.web.RoutingContext;

/**
 * API-key check for every JAX-RS endpoint except {@link OpenEndpoints}: header {@value #HEADER} must equal one of
 * the keys accepted now ({@link ApiKeys}: environment and, optionally, a refreshed Secrets Manager secret); otherwise
 * {@code 401} problem+json. With no key accepted every protected endpoint refuses (fail closed) and a warning is
 * logged once at start. Keys are never logged; the matching key's id ({@link ApiKeyMatcher#keyId}) is exposed as
 * request property {@value #KEY_ID_PROPERTY} (on the JAX-RS request context and the Vert.x RoutingContext).
 * Then, for an identified key: the optional per-key rate limit ({@link KeyRateLimiter}; over it, {@code 429}
 * problem+json with {@code Retry-After}) and the per-key usage counters ({@link KeyUsage}). Open endpoints are
 * neither limited nor counted.
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
    private final KeyRateLimiter limiter;
    private final KeyUsage usage;

    ApiKeyFilter(ApiKeys keys, KeyRateLimiter limiter, KeyUsage usage) {
        this.keys = keys;
        this.limiter = limiter;
        this.usage = usage;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<RestResponse<Problem>> authenticate(ContainerRequestContext request, RoutingContext routing,
                                                        SimpleResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        Decision decision = decide(keys.current(), request.getMethod(), path, request.getHeaderString(HEADER));
        if (!decision.allowed()) {
            LOG.debugf("Refused %s %s: missing or unknown API key", request.getMethod(), path);
            Problem problem = Problem.of(Problem.TYPE_UNAUTHORIZED, "Unauthorized", 401,
                    "missing or invalid API key (header " + HEADER + ")", RequestIds.current());
            return Optional.of(problem.toResponse());
        }
        if (decision.keyId().isEmpty()) {
            return Optional.empty(); // open endpoint: no key needed, never limited
        }
        String id = decision.keyId().get();
        String endpoint = usage.endpoint(request.getMethod(), resource);
        KeyRateLimiter.Verdict verdict = limiter.tryAcquire(id);
        if (!verdict.allowed()) {
            usage.count(id, endpoint, KeyUsage.RATE_LIMITED);
            LOG.debugf("Rate-limited key id %s on %s", id, endpoint);
            return Optional.of(tooManyRequests(limiter, verdict.retryAfterSeconds()));
        }
        usage.count(id, endpoint, KeyUsage.ALLOWED);
        request.setProperty(KEY_ID_PROPERTY, id);
        routing.put(KEY_ID_PROPERTY, id);
        return Optional.empty();
    }

    /** 429 problem+json naming the limit (never the key) with {@code Retry-After} in whole seconds. */
    static RestResponse<Problem> tooManyRequests(KeyRateLimiter limiter, long retryAfterSeconds) {
        Problem problem = Problem.of(Problem.TYPE_RATE_LIMITED, "Too Many Requests", 429,
                "rate limit of " + limiter.describe() + " exceeded; retry after " + retryAfterSeconds + " s",
                RequestIds.current());
        return RestResponse.ResponseBuilder.<Problem> create(429).entity(problem).type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build();
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
