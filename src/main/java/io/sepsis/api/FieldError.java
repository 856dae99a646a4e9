package io.sepsis.api;

/** One invalid input: the JSON path of the field (e.g. {@code history[2].HR}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
