package io.sepsis.api;

import java.util.List;

/**
 * A client-visible failure rendered as RFC 9457 {@code application/problem+json}. Messages must never contain
 * patient data (values are fine to name by field, never echo free text or identifiers).
 *
 * <p>Throw it from anywhere on the request path; {@link ProblemMappers} renders it with the request id.
 * {@link #validation(List)} is the usual 400 with field errors.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String type;
    private final List<FieldError> errors;

    public ProblemException(String type, int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.type = type != null ? type : this.errors.isEmpty() ? Problem.TYPE_BLANK : Problem.TYPE_VALIDATION;
    }

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(null, status, title, detail, errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /**
     * A 400 listing the field errors: at most {@value #MAX_LISTED_ERRORS} of them, then one entry saying how many
     * more, so that a request of many invalid rows (a 1,000-hour timeline) cannot make a multi-megabyte answer.
     * {@link ObservationParser} bounds what one object produces; this bounds the request.
     */
    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        List<FieldError> listed = errors;
        if (errors.size() > MAX_LISTED_ERRORS) {
            listed = new java.util.ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
            listed.add(new FieldError("body", (errors.size() - MAX_LISTED_ERRORS) + " more errors not listed"));
        }
        return new ProblemException(Problem.TYPE_VALIDATION, 400, "Invalid request", detail, listed);
    }

    /** Errors listed in one 400 (two objects' worth of {@link ObservationParser#MAX_ERRORS}). */
    public static final int MAX_LISTED_ERRORS = 2 * ObservationParser.MAX_ERRORS;

    /** 413, e.g. a batch over 1,000 patients. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.TYPE_PAYLOAD_TOO_LARGE, 413, "Payload too large", detail, List.of());
    }

    /**
     * 422 for a refused hot-reload ({@code what}: "ML thresholds", "guardrail configuration", "prompt"). A reason
     * written {@code "field: message"} names its field; others are reported under {@code wholeFileField}.
     */
    public static ProblemException configRefused(String what, String liveVersion, List<String> reasons,
                                                 String wholeFileField) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>(reasons.size());
        for (String reason : reasons) {
            int colon = reason.indexOf(": ");
            errors.add(colon > 0 ? new FieldError(reason.substring(0, colon), reason.substring(colon + 2))
                    : new FieldError(wholeFileField, reason));
        }
        String detail = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " refused (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "); version " + liveVersion + " stays live";
        return new ProblemException("urn:sepsis:problem:invalid-config", 422, "Invalid " + what, detail, errors);
    }

    /** The same problem with every field path prefixed (a batch item's errors read {@code patients[3].HR}). */
    public ProblemException withFieldPrefix(String prefix) {
        java.util.List<FieldError> prefixed = new java.util.ArrayList<>(errors.size());
        for (FieldError e : errors) {
            prefixed.add(new FieldError(prefix + e.field(), e.message()));
        }
        String detail = prefixed.size() == 1 ? prefixed.get(0).field() + ": " + prefixed.get(0).message() : detail();
        return new ProblemException(type(), status, title, detail, prefixed);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
