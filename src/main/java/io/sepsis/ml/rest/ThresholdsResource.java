package io.sepsis.ml.rest;

import io.sepsis.api.ProblemException;
import io.sepsis.api.RequestIds;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsParser;
import io.sepsis.ml.config.MlThresholdsStore;
import io.sepsis.ml.service.ModelHolder;
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


/** Live ML thresholds: read and hot-reload. */
@Path("/")
@Tag(name = "Hybrid ML pathway")
@Produces(MediaType.APPLICATION_JSON)
public class ThresholdsResource {
    private final MlThresholdsStore store;
    private final ModelHolder models;

    public ThresholdsResource(MlThresholdsStore store, ModelHolder models) {
        this.store = store;
        this.models = models;
    }

    @GET
    @Path("config/current")
    @Operation(summary = "Live ML thresholds", description = "Alert threshold, risk-level cut points, escalation "
            + "floors, with version, load time and source; the model's trained threshold beside the live one.")
    @APIResponse(responseCode = "200", description = "Live thresholds", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "thresholds",
            value = MlExamples.THRESHOLDS_RESPONSE)))
    @APIResponse(responseCode = "503", description = "No valid thresholds loaded")
    public MlResponses.Thresholds current() {
        MlThresholds t = store.current().orElseThrow(() -> new ProblemException(503, "Service not ready",
                "ML thresholds not loaded: " + store.detail()));
        return view(t, null);
    }

    @POST
    @Path("reload-config")
    @Operation(summary = "Reload the ML thresholds", description = "Validates the source and swaps atomically; "
            + "an invalid source is refused with 422 and the reasons, and the previous thresholds stay live.")
    @APIResponse(responseCode = "200", description = "Reloaded, with previous_version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reloaded",
            value = MlExamples.THRESHOLDS_RESPONSE)))
    @APIResponse(responseCode = "422", description = "Invalid thresholds; the old ones stay live")
    public MlResponses.Thresholds reload() {
        try {
            var r = store.reload();
            return view(r.current(), r.previousVersion());
        } catch (MlThresholdsParser.InvalidThresholdsException e) {
            throw ProblemException.configRefused("ML thresholds",
                    store.current().map(MlThresholds::version).orElse("none"), e.reasons(), "file");
        }
    }

    private MlResponses.Thresholds view(MlThresholds t, String previous) {
        return MlResponses.Thresholds.of(RequestIds.current(), t, models.model().orElse(null), previous);
    }
}
