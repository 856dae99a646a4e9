package io.sepsis.genai.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/** Reads a server's requested wait: Azure's {@code retry-after-ms}, else {@code Retry-After} (seconds or HTTP-date). */
final class RetryAfter {

    private static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    static Duration parse(Function<String, Optional<String>> header) {
        Optional<String> millis = header.apply("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return bounded(Duration.ofMillis(Math.round(Double.parseDouble(millis.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = header.apply("retry-after");
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get().trim();
        try {
            return bounded(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return bounded(Duration.between(Instant.now(), at));
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static Duration bounded(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
