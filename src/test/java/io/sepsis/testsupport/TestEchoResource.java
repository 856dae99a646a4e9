package io.sepsis.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.sepsis.api.FieldError;
import io.sepsis.api.ObservationParser;
import io.sepsis.api.ProblemException;
import io.sepsis.api.RequestIds;
import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/** Test-only protected endpoints: the platform (auth, errors, limits, request ids) seen from a resource. */
@Path("/test-echo")
public class TestEchoResource {

    public record Vitals(@JsonProperty("HR") Double hr, @JsonProperty("Temp") Double temp) {
    }

    /** A /classify-shaped body: flat fields, patient_id, optional history rows. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(JsonNode body) {
        ObservationParser.Result current = ObservationParser.parse(body, "", Set.of("patient_id", "history"));
        List<FieldError> errors = new ArrayList<>(current.errors());
        List<String> warnings = new ArrayList<>(current.warnings());
        JsonNode history = body == null ? null : body.get("history");
        if (history != null && history.isArray()) {
            for (int i = 0; i < history.size(); i++) {
                ObservationParser.Result row = ObservationParser.parse(history.get(i), "history[" + i + "]", Set.of());
                errors.addAll(row.errors());
                warnings.addAll(row.warnings());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Observation o = current.observation();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("HR", o.has(Field.HR) ? o.get(Field.HR) : null);
        out.put("warnings", warnings);
        out.put("request_id", RequestIds.current());
        return out;
    }

    /** Binding to a Java type: Jackson's own type errors. */
    @POST
    @Path("/typed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Vitals typed(Vitals vitals) {
        return vitals;
    }

    @GET
    @Path("/request-id")
    @Produces(MediaType.TEXT_PLAIN)
    public String requestId() {
        return RequestIds.current();
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("internal detail that must not leak: patient P001 at /opt/secret");
    }
}
