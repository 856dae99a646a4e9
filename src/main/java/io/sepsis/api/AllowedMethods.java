package io.sepsis.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Which HTTP methods each path allows, read once from the JAX-RS resources themselves, for the {@code Allow} header:
 * a 405 must carry it (RFC 9110 §15.5.6) and an {@code OPTIONS} answer states it. Quarkus REST leaves it off the 405
 * and, where several resource classes share {@code @Path("/")}, puts every class's methods in the {@code OPTIONS}
 * answer ({@code POST /classify} came out as {@code HEAD, POST, GET, OPTIONS}); this corrects both. {@code HEAD}
 * goes with every {@code GET} and {@code OPTIONS} with every path, as JAX-RS answers both on its own.
 */
@Singleton
public class AllowedMethods {
    private enum Verb { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS }

    private record Route(Pattern path, Set<Verb> verbs) {
    }

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final List<Route> routes;

    @Inject
    AllowedMethods(BeanManager beans) {
        this(resources(beans));
    }

    /** From resource classes (each with a class-level {@code @Path}). */
    public AllowedMethods(Collection<Class<?>> resources) {
        Map<String, Set<Verb>> byTemplate = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                verb(m).ifPresent(verb -> {
                    Path sub = m.getAnnotation(Path.class);
                    Set<Verb> verbs = byTemplate.computeIfAbsent(normalise(join(base, sub == null ? "" : sub.value())),
                            t -> EnumSet.of(Verb.OPTIONS));
                    verbs.add(verb);
                    if (verb == Verb.GET) {
                        verbs.add(Verb.HEAD);
                    }
                });
            }
        }
        List<Route> found = new ArrayList<>();
        byTemplate.forEach((template, verbs) -> found.add(new Route(pattern(template), Set.copyOf(verbs))));
        this.routes = List.copyOf(found);
    }

    /** The {@code Allow} value for a request path, e.g. {@code POST, OPTIONS}; empty when no resource serves it. */
    public Optional<String> allow(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        String path = normalise(requestPath);
        Set<Verb> verbs = EnumSet.noneOf(Verb.class);
        for (Route r : routes) {
            if (r.path().matcher(path).matches()) {
                verbs.addAll(r.verbs());
            }
        }
        return verbs.isEmpty() ? Optional.empty()
                : Optional.of(verbs.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The framework's own {@code OPTIONS} answer, with the {@code Allow} of the path rather than of its class. */
    @ServerResponseFilter
    public void correctOptionsAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        if ("OPTIONS".equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            allow(request.getUriInfo().getPath()).ifPresent(a -> response.getHeaders().putSingle(HttpHeaders.ALLOW, a));
        }
    }

    /** The JAX-RS resource classes: Quarkus REST makes each one a bean. */
    private static Collection<Class<?>> resources(BeanManager beans) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                classes.add(bean.getBeanClass());
            }
        }
        return classes;
    }

    private static Optional<Verb> verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                try {
                    return Optional.of(Verb.valueOf(http.value()));
                } catch (IllegalArgumentException unknown) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String base, String sub) {
        return "/" + base + "/" + sub;
    }

    /** One leading slash, no doubled or trailing ones: {@code //classify/} and {@code /classify} are one path. */
    private static String normalise(String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A JAX-RS path template as a regular expression: {@code {id}} is one segment, {@code {id: \d+}} its own regex. */
    private static Pattern pattern(String template) {
        StringBuilder re = new StringBuilder();
        Matcher m = TEMPLATE_PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(last, m.start())));
            re.append(m.group(1) != null ? "(?:" + m.group(1).trim() + ")" : "[^/]+");
            last = m.end();
        }
        re.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(re.toString());
    }
}
