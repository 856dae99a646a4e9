package io.sepsis.api;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;

/**
 * What every HTTP exchange goes through, below JAX-RS, so that it also covers the Swagger UI, {@code /q/*} and
 * requests that never reach a resource:
 * <ul>
 * <li>assigns the request id ({@link RequestIds}), echoes it in {@code X-Request-Id} on every response and puts it
 * into the log MDC;</li>
 * <li>enforces {@code quarkus.http.limits.max-body-size} itself, answering {@code 413} as problem+json. Quarkus'
 * own check (route order -2, after this filter) would answer an empty 413: we reject a too large
 * {@code Content-Length} before it runs, and read bodies of unknown length (chunked) under the limit with a
 * Vert.x {@link BodyHandler}, which Quarkus REST then reads from;</li>
 * <li>renders Vert.x-level failures as problem+json instead of Quarkus' default error page. (Unmatched paths
 * are answered by Quarkus REST, which serves {@code /}, through {@link ProblemMappers}.)</li>
 * </ul>
 * Errors raised inside JAX-RS are rendered by {@link ProblemMappers}.
 */
@Singleton
public class HttpEdge {
    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** Quarkus runs filters at route order {@code -priority}: this one runs before its body-size check (-2). */
    static final int FILTER_PRIORITY = 10_000;
    /** After a 413 keep reading (and discarding) at most this much before closing, see {@link #rejectTooLarge}. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final Set<HttpMethod> NO_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.CONNECT);

    private final ObjectMapper mapper;
    private final long maxBodySize;
    private final BodyHandler boundedBodyHandler;
    private final String limitText;

    HttpEdge(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
        this.boundedBodyHandler = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
        long mb = 1024 * 1024;
        this.limitText = this.maxBodySize > 0 && this.maxBodySize % mb == 0 ? this.maxBodySize / mb + " MB"
                : this.maxBodySize + " bytes";
    }

    void registerFilter(@Observes Filters filters) {
        filters.register(this::onRequest, FILTER_PRIORITY);
    }

    void registerRoutes(@Observes Router router) {
        router.route().order(-FILTER_PRIORITY).failureHandler(this::onFailure);
    }

    private void onRequest(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        rc.put(RequestIds.KEY, id);
        RequestIds.bind(id);
        MDC.put(RequestIds.MDC_KEY, id);
        HttpServerResponse response = rc.response();
        response.putHeader(RequestIds.HEADER, id);
        // Whatever writes the response later (a mapper resetting headers, Quarkus' own error page), keep the header.
        rc.addHeadersEndHandler(v -> {
            if (!response.headers().contains(RequestIds.HEADER)) {
                response.putHeader(RequestIds.HEADER, id);
            }
        });

        if (maxBodySize > 0 && !NO_BODY.contains(request.method())) {
            String contentLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (contentLength == null) {
                // Size unknown up front (chunked, HTTP/2): buffer it under the limit. The handler calls rc.next()
                // once the body is read, or rc.fail(413) past the limit, which onFailure renders.
                boundedBodyHandler.handle(rc);
                return;
            }
            if (parseLength(contentLength) > maxBodySize) {
                rejectTooLarge(rc, id);
                return;
            }
        }
        rc.next();
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty rejects malformed lengths before this runs
        }
    }

    /**
     * Answers 413 at once, then keeps reading and discarding the rest of the body (up to {@link #DRAIN_LIMIT}) before
     * closing: a client that writes the whole body before reading (most HTTP clients without
     * {@code Expect: 100-continue}) would otherwise see a connection reset instead of the 413.
     */
    private void rejectTooLarge(RoutingContext rc, String id) {
        HttpServerRequest request = rc.request();
        long[] drained = { 0 };
        request.handler(buf -> {
            drained[0] += buf.length();
            if (drained[0] > DRAIN_LIMIT) {
                request.connection().close();
            }
        });
        request.endHandler(v -> request.connection().close());
        request.resume();
        write(rc, tooLarge(id), true);
    }

    private Problem tooLarge(String id) {
        return Problem.of(Problem.TYPE_PAYLOAD_TOO_LARGE, "Payload too large", 413, "request body exceeds " + limitText,
                id);
    }

    private void onFailure(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            rc.next(); // too late for a body of ours; Quarkus' handler closes the connection
            return;
        }
        Throwable failure = rc.failure();
        int status = rc.statusCode();
        if (status < 0 && failure instanceof HttpException http) {
            status = http.getStatusCode();
        }
        if (status < 400) {
            status = 500;
        }
        String id = rc.get(RequestIds.KEY) instanceof String s ? s : RequestIds.generate();
        Problem problem;
        if (status == 413) {
            problem = tooLarge(id);
        } else if (status >= 500) {
            LOG.errorf(failure, "Unhandled failure at the HTTP layer (%s %s)", rc.request().method(),
                    rc.normalizedPath());
            problem = ProblemMappers.internalError(id);
        } else {
            problem = Problem.of(Problem.TYPE_BLANK, HttpResponseStatus.valueOf(status).reasonPhrase(), status,
                    ProblemMappers.detailFor(status), id);
        }
        write(rc, problem, status == 413);
    }

    private void write(RoutingContext rc, Problem problem, boolean closeConnection) {
        HttpServerResponse response = rc.response();
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeConnection) {
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        response.end(body);
    }
}
