package io.sepsis.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the platform's error responses on every operation, so endpoint authors do not have to: 401 where the
 * API key applies (operations that do not opt out with an empty security list), and there 429 too (the optional
 * per-key rate limit), 400 and 413 where there is a request body, 500 everywhere. An operation's own declaration of a status wins.
 * <p>
 * Runs once, at build time: the document is then served as built, with no filtering at start-up (a run-time
 * {@code mp.openapi.filter} re-reads and re-filters the whole document on every start: about 0.4 s more on one CPU).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (secured) {
            addIfAbsent(responses, "401", UNAUTHORIZED);
            addIfAbsent(responses, "429", TOO_MANY_REQUESTS);
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", BAD_REQUEST);
            addIfAbsent(responses, "413", PAYLOAD_TOO_LARGE);
        }
        addIfAbsent(responses, "500", INTERNAL_ERROR);
        return operation;
    }

    private static void addIfAbsent(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}
