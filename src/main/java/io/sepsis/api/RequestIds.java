package io.sepsis.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The id of the current request: the caller's {@code X-Request-Id} when it is safe to echo, else a fresh UUID.
 * {@link HttpEdge} assigns it before anything else runs, sets the response header on every response, and puts it
 * into the log MDC as {@code request_id}.
 *
 * <p>Resources and mappers call {@link #current()} to put {@code request_id} into JSON bodies. It reads the
 * Vert.x duplicated context of the request, which Quarkus REST carries onto worker threads; blocking code that
 * hops to its own executor must pass the id along itself.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Key in the Vert.x context locals and in the RoutingContext data. */
    public static final String KEY = "io.sepsis.request_id";
    /** Key in the log MDC ({@code %X{request_id}} in the log format). */
    public static final String MDC_KEY = "request_id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if it matches {@code [A-Za-z0-9._-]{1,64}}, else a new random UUID. */
    public static String acceptOrGenerate(String incoming) {
        return isSafe(incoming) ? incoming : generate();
    }

    public static boolean isSafe(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The current request's id, if called on a request's context. */
    public static Optional<String> find() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.get(KEY);
    }

    /**
     * The current request's id; outside a request (a test, a background job) a fresh id, so callers never get null.
     */
    public static String current() {
        return find().orElseGet(RequestIds::generate);
    }

    static void bind(String id) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, id);
        }
    }
}
