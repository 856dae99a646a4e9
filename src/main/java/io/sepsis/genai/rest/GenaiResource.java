package io.sepsis.genai.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.api.ProblemException;
import io.sepsis.api.RequestIds;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmHealth;
import io.sepsis.genai.prompt.PromptStore;
import io.sepsis.genai.prompt.PromptTemplate;
import io.sepsis.genai.service.GenaiBatch;
import io.sepsis.genai.service.GenaiPipeline;
import io.sepsis.genai.service.GenaiResult;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.GuardrailStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The GenAI pathway: thin mapping between JSON and {@link GenaiPipeline}. */
@Path("/")
@Tag(name = "GenAI pathway")
@Produces(MediaType.APPLICATION_JSON)
public class GenaiResource {
    private final GenaiPipeline pipeline;
    private final GenaiBatch batch;
    private final LlmAssessor llm;
    private final GuardrailStore guardrails;
    private final PromptStore prompts;

    public GenaiResource(GenaiPipeline pipeline, GenaiBatch batch, LlmAssessor llm, GuardrailStore guardrails,
                         PromptStore prompts) {
        this.pipeline = pipeline;
        this.batch = batch;
        this.llm = llm;
        this.guardrails = guardrails;
        this.prompts = prompts;
    }

    @POST
    @Path("genai-classify")
    @Blocking // waits on the LLM, bounded by genai.deadline
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "LLM assessment behind a deterministic clinical guardrail",
            description = "Vitals (a value, a list newest first, or a list of {val, ts}), labs and clinician notes. "
                    + "Notes are PHI-redacted and delimited before any LLM call; the patient id is never sent. The "
                    + "guardrail can only raise the risk and lists every breached rule. When the LLM is unavailable "
                    + "the answer is `degraded`: the ML pathway's risk behind the same guardrail, never an error.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patient", value = GenaiExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "Decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decision",
            value = GenaiExamples.RESPONSE)))
    @APIResponse(responseCode = "503", description = "Guardrail configuration, prompt or model not loaded")
    public GenaiResult classify(JsonNode body) {
        return pipeline.classify(body, pipeline.snapshot(), RequestIds.current(), "");
    }

    public record BatchResponse(@JsonProperty("request_id") String requestId, List<GenaiBatch.Entry> results,
                                int count) {
    }

    @POST
    @Path("genai-classify-batch")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "GenAI decisions for several patients, concurrently",
            description = "`{\"patients\": [...]}` → results in input order; up to `genai.batch.concurrency` "
                    + "(default 16) LLM calls at once across the service; at most `genai.batch.max-patients` (100).")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "batch", value = GenaiExamples.BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Per-patient decisions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decisions",
            value = GenaiExamples.BATCH_RESPONSE)))
    public BatchResponse batch(JsonNode body) {
        String requestId = RequestIds.current();
        List<GenaiBatch.Entry> results = batch.run(body, requestId);
        return new BatchResponse(requestId, results, results.size());
    }

    public record PromptReloaded(@JsonProperty("request_id") String requestId, String version,
                                 @JsonProperty("previous_version") String previousVersion, String source,
                                 @JsonProperty("loaded_at") String loadedAt) {
    }

    @POST
    @Path("genai-prompt/reload")
    @Operation(summary = "Reload the versioned prompt file", description = "Validated (placeholders, version) and "
            + "swapped atomically; invalid -> 422 with the reasons and the previous prompt stays live.")
    @APIResponse(responseCode = "200", description = "Reloaded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reloaded",
            value = GenaiExamples.PROMPT_RELOADED)))
    @APIResponse(responseCode = "422", description = "Invalid prompt; the old one stays live")
    public PromptReloaded reloadPrompt() {
        try {
            var r = prompts.reload();
            return new PromptReloaded(RequestIds.current(), r.current().version(), r.previousVersion(),
                    r.current().source(), r.current().loadedAt().toString());
        } catch (PromptTemplate.InvalidPromptException e) {
            throw ProblemException.configRefused("prompt",
                    prompts.current().map(PromptTemplate::version).orElse("none"), e.reasons(), "prompt");
        }
    }

    public record Health(String status, String provider, String model, @JsonProperty("circuit_breaker") String circuit,
                         @JsonProperty("guardrail_version") String guardrailVersion,
                         @JsonProperty("prompt_version") String promptVersion, LlmHealth llm,
                         @JsonProperty("request_id") String requestId) {
    }

    @GET
    @Path("genai-health")
    @SecurityRequirements // open: operators and load balancers read it without a key
    @Operation(summary = "GenAI pathway status (never calls the LLM)")
    @APIResponse(responseCode = "200", description = "Status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "status",
            value = GenaiExamples.HEALTH)))
    public Health health() {
        LlmHealth h = llm.health();
        return new Health(h.status(), h.provider(), h.model(), h.circuitState(),
                guardrails.current().map(GuardrailConfig::version).orElse(null),
                prompts.current().map(PromptTemplate::version).orElse(null), h, RequestIds.current());
    }
}
