package io.sepsis.genai.preprocess;

import java.time.Instant;

/**
 * One reading of one clinical parameter.
 *
 * @param value the value, in the field's unit ({@link io.sepsis.clinical.Field#unit}), already range-checked
 * @param ts    when it was taken, or {@code null} when the client sent a plain list of numbers (order only)
 */
public record TimedValue(double value, Instant ts) {
}
