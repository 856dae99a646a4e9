package io.sepsis.guardrail.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.api.ProblemException;
import io.sepsis.api.RequestIds;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.GuardrailStore;
import io.sepsis.guardrail.config.InvalidGuardrailConfigException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Iterator;
import java.util.Map;

/** The live guardrail configuration: read and hot-reload. */
@Path("/genai-guardrail")
@Tag(name = "GenAI pathway")
@Produces(MediaType.APPLICATION_JSON)
public class GuardrailResource {
    private final GuardrailStore store;
    private final ObjectMapper json;

    public GuardrailResource(GuardrailStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GET
    @Path("thresholds")
    @Operation(summary = "Live guardrail configuration", description = "Every threshold rule (operator, value, unit, "
            + "role, rationale, source), combined criteria, early-warning patterns, history checks, notes phrase "
            + "lists, override logic and alert mapping, with version, load time and source.")
    @APIResponse(responseCode = "200", description = "Live configuration", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "guardrail",
            value = GuardrailExamples.THRESHOLDS_RESPONSE)))
    @APIResponse(responseCode = "503", description = "No valid guardrail configuration loaded")
    public JsonNode thresholds() {
        GuardrailConfig c = store.current().orElseThrow(() -> new ProblemException(503, "Service not ready",
                "Guardrail configuration not loaded: " + store.detail()));
        return view(c, null);
    }

    @POST
    @Path("reload")
    @Operation(summary = "Reload the guardrail configuration", description = "Validates the source and swaps it "
            + "atomically; an invalid source is refused with 422 and every reason, and the previous configuration "
            + "stays live.")
    @APIResponse(responseCode = "200", description = "Reloaded, with previous_version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reloaded",
            value = GuardrailExamples.RELOADED_RESPONSE)))
    @APIResponse(responseCode = "422", description = "Invalid configuration; the old one stays live",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid",
            value = GuardrailExamples.INVALID_RESPONSE)))
    public JsonNode reload() {
        try {
            var r = store.reload();
            return view(r.current(), r.previousVersion());
        } catch (InvalidGuardrailConfigException e) {
            throw ProblemException.configRefused("guardrail configuration",
                    store.current().map(GuardrailConfig::version).orElse("none"), e.reasons(), "file");
        }
    }

    /** Metadata first, then the file's own content as loaded. */
    private JsonNode view(GuardrailConfig c, String previous) {
        ObjectNode out = json.createObjectNode();
        out.put("request_id", RequestIds.current());
        out.put("version", c.version());
        out.put("loaded_at", c.loadedAt().toString());
        out.put("source", c.source());
        if (previous != null) {
            out.put("previous_version", previous);
        }
        out.put("summary", c.summary());
        try {
            JsonNode file = json.readTree(c.json());
            for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validated configuration no longer parses", e);
        }
        return out;
    }
}
