package io.sepsis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.sepsis.genai.rest.GenaiResource;
import io.sepsis.guardrail.rest.GuardrailResource;
import io.sepsis.ml.rest.ClassifyResource;
import io.sepsis.ml.rest.ThresholdsResource;
import io.sepsis.ops.rest.HealthResource;
import io.sepsis.ops.rest.RootResource;

class AllowedMethodsTest {
    // The fixtures below are real JAX-RS resources: kept out of the @QuarkusTest application (which indexes test
    // classes), where the root one would answer GET / in place of the service's RootResource.

    @Path("/")
    @UnlessBuildProfile("test")
    public static class Root {
        @GET
        public String root() {
            return "";
        }

        @POST
        @Path("items")
        public String create() {
            return "";
        }
    }

    @Path("/items")
    @UnlessBuildProfile("test")
    public static class Items {
        @GET
        @Path("{id}")
        public String get() {
            return "";
        }

        @PUT
        @Path("{id}")
        public String put() {
            return "";
        }

        @DELETE
        @Path("{id: \\d+}/tags/{tag}")
        public String untag() {
            return "";
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    private final AllowedMethods allowed = new AllowedMethods(List.of(Root.class, Items.class));

    @Test
    void a_path_allows_only_its_own_methods_though_its_class_serves_others() {
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.allow("/"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.allow("/items"));
    }

    @Test
    void templates_match_one_segment_or_their_own_regex() {
        assertEquals(Optional.of("GET, HEAD, PUT, OPTIONS"), allowed.allow("/items/abc"));
        assertEquals(Optional.of("DELETE, OPTIONS"), allowed.allow("/items/42/tags/red"));
        assertEquals(Optional.empty(), allowed.allow("/items/x42/tags/red"), "{id: \\d+} takes digits only");
        assertEquals(Optional.empty(), allowed.allow("/items/a/b"), "{id} is one segment");
    }

    @Test
    void trailing_and_doubled_slashes_do_not_change_the_answer_and_unknown_paths_have_none() {
        assertEquals(Optional.of("POST, OPTIONS"), allowed.allow("/items/"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.allow("//items"));
        assertEquals(Optional.empty(), allowed.allow("/nothing-here"));
        assertEquals(Optional.empty(), allowed.allow(null));
    }

    @Test
    void the_service_resources_give_the_contract_methods() {
        AllowedMethods service = new AllowedMethods(List.of(RootResource.class, HealthResource.class,
                ClassifyResource.class, ThresholdsResource.class, GenaiResource.class, GuardrailResource.class));
        assertEquals(Optional.of("POST, OPTIONS"), service.allow("/classify"));
        assertEquals(Optional.of("POST, OPTIONS"), service.allow("/classify/timeline"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), service.allow("/config/current"));
        assertEquals(Optional.of("POST, OPTIONS"), service.allow("/reload-config"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), service.allow("/genai-guardrail/thresholds"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), service.allow("/health"));
    }
}
