package io.sepsis.security;

import java.util.Set;

/**
 * The endpoints that need no API key (API contract, "Cross-cutting"); everything else served by JAX-RS needs one.
 * Paths are the normalised request paths JAX-RS matched on, compared exactly: {@code /health/} or
 * {@code /health/x} are not open. The Swagger UI ({@code /docs/**}), {@code /openapi.json} and {@code /q/*} are
 * Vert.x routes that never reach the JAX-RS filter; they are listed so this class is the whole answer. {@code HEAD}
 * of an open {@code GET} is open too: it is the same request without the body (RFC 9110 §9.3.2), and uptime checkers
 * and load balancers send it.
 */
public final class OpenEndpoints {
    private static final Set<String> OPEN_GET = Set.of("/", "/health", "/genai-health", "/openapi.json");
    private static final Set<String> OPEN_ANY_METHOD = Set.of("/q/metrics");

    private OpenEndpoints() {
    }

    public static boolean isOpen(String method, String path) {
        if (path == null) {
            return false;
        }
        if (path.equals("/docs") || path.startsWith("/docs/")) {
            return true; // Swagger UI and its assets
        }
        if (path.equals("/q/health") || path.startsWith("/q/health/") || OPEN_ANY_METHOD.contains(path)) {
            return true;
        }
        return ("GET".equals(method) || "HEAD".equals(method)) && OPEN_GET.contains(path);
    }
}
