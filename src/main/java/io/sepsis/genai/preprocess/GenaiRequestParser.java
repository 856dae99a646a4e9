package io.sepsis.genai.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.api.FieldError;
import io.sepsis.api.ObservationParser;
import io.sepsis.api.PatientIds;
import io.sepsis.api.ProblemException;
import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one {@code POST /genai-classify} body into a {@link GenaiPatient}, or throws a 400
 * {@link ProblemException} listing every field error with its path ({@code vitals.HR}, {@code vitals.HR[2].val},
 * {@code vitals.Temp[0].ts}, {@code patient_history.conditions[1]}).
 *
 * <p>{@code vitals} maps parameter names (PhysioNet names or aliases, as {@link Field#lookup}) to one of:
 * <ul>
 *   <li>a number, or {@code null} (not measured);</li>
 *   <li>a list of numbers, <b>newest first</b> ({@code null} items = not measured at that time, skipped);</li>
 *   <li>a list of {@code {"val": x, "ts": "ISO-8601 with offset"}}, ordered by {@code ts} whatever the list order
 *       ({@code val: null} = not measured; a reading without a valid {@code ts} is a 400).</li>
 * </ul>
 * Every value goes through {@link ObservationParser#problemWith} (number, finite, plausible range with unit hint),
 * so both pathways accept and reject the same values. A list holds at most {@value #MAX_READINGS} readings (14 days
 * hourly) and one list uses one form. Unknown parameters and unknown keys are warnings, never silently used.
 *
 * <p>At least one measured value or non-blank notes are required: with neither there is nothing to assess.
 * Messages name fields and limits, never values and never note text.
 */
public final class GenaiRequestParser {
    public static final int MAX_READINGS = 336;
    public static final int MAX_NOTES_CHARS = 20_000;
    public static final int MAX_HISTORY_ITEMS = 50;
    public static final int MAX_HISTORY_ITEM_CHARS = 200;

    private static final Set<String> TOP_KEYS = Set.of("patient_id", "vitals", "notes", "patient_history");
    private static final Set<String> HISTORY_KEYS = Set.of("conditions", "medications");
    private static final Set<String> READING_KEYS = Set.of("val", "ts");
    private static final String TS_MESSAGE =
            "must be an ISO-8601 date-time with a UTC offset, e.g. 2026-02-10T14:00:00Z";
    private static final Comparator<TimedValue> BY_TS = Comparator.comparing(TimedValue::ts);

    private GenaiRequestParser() {
    }

    /** The validated patient; a 400 {@link ProblemException} with every field error otherwise. */
    public static GenaiPatient parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.validation(List.of(new FieldError("body", "must be a JSON object")));
        }
        Issues issues = new Issues();
        String patientId = patientId(body.get("patient_id"), issues);
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                issues.warn("unknown field '" + ObservationParser.truncate(e.getKey()) + "' ignored");
            }
        }

        Observation.Builder latest = Observation.builder();
        Map<Field, List<TimedValue>> trends = new EnumMap<>(Field.class);
        int measured = vitals(body.get("vitals"), latest, trends, issues);

        String notes = notes(body.get("notes"), issues);
        JsonNode history = body.get("patient_history");
        List<String> conditions = List.of();
        List<String> medications = List.of();
        if (history != null && !history.isNull()) {
            if (!history.isObject()) {
                issues.error("patient_history", "must be an object with 'conditions' and 'medications' lists");
            } else {
                for (Map.Entry<String, JsonNode> e : history.properties()) {
                    if (!HISTORY_KEYS.contains(e.getKey())) {
                        issues.warn("unknown field 'patient_history." + ObservationParser.truncate(e.getKey()) + "' ignored");
                    }
                }
                conditions = strings(history.get("conditions"), "patient_history.conditions", issues);
                medications = strings(history.get("medications"), "patient_history.medications", issues);
            }
        }

        if (issues.errors.isEmpty() && measured == 0 && (notes == null || notes.isBlank())) {
            issues.error("body",
                    "nothing to assess: send at least one measured value in 'vitals' or non-blank 'notes'");
        }
        issues.throwIfAny();
        return new GenaiPatient(patientId, latest.build(), trends, notes, conditions, medications, issues.warnings());
    }

    /** Parses every vital; returns how many parameters have a measured value. */
    private static int vitals(JsonNode vitals, Observation.Builder latest, Map<Field, List<TimedValue>> trends,
                              Issues issues) {
        if (vitals == null || vitals.isNull()) {
            return 0;
        }
        if (!vitals.isObject()) {
            issues.error("vitals", "must be an object of parameter -> value, list newest first, or list of {val, ts}");
            return 0;
        }
        Map<Field, String> seen = new EnumMap<>(Field.class);
        int measured = 0;
        for (Map.Entry<String, JsonNode> e : vitals.properties()) {
            String key = e.getKey();
            String path = "vitals." + ObservationParser.truncate(key);
            Optional<Field> field = Field.lookup(key);
            if (field.isEmpty()) {
                issues.warn("unknown field '" + path + "' ignored");
                continue;
            }
            Field f = field.get();
            String previous = seen.putIfAbsent(f, key);
            if (previous != null) {
                issues.error(path, "duplicates '" + ObservationParser.truncate(previous) + "' (both are " + f.name() + ")");
                continue;
            }
            List<TimedValue> readings = readings(f, e.getValue(), path, issues);
            if (readings == null || readings.isEmpty()) {
                continue;
            }
            measured++;
            latest.set(f, readings.get(readings.size() - 1).value());
            if (readings.size() >= 2) {
                trends.put(f, readings);
            }
        }
        return measured;
    }

    /** The readings oldest -> newest (empty when not measured), or null after reporting errors. */
    private static List<TimedValue> readings(Field f, JsonNode value, String path, Issues issues) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            String problem = ObservationParser.problemWith(f, value);
            if (problem != null) {
                issues.error(path, problem);
                return null;
            }
            return List.of(new TimedValue(value.doubleValue(), null));
        }
        if (value.size() > MAX_READINGS) {
            issues.error(path, "at most " + MAX_READINGS + " readings (14 days hourly)");
            return null;
        }
        Boolean timed = null; // decided by the first non-null item
        List<TimedValue> out = new ArrayList<>(value.size());
        int errorsBefore = issues.count();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path + "[" + i + "]";
            if (item.isNull()) {
                continue;
            }
            boolean isReading = item.isObject();
            if (timed == null) {
                timed = isReading;
            } else if (timed != isReading) {
                issues.error(itemPath, "mixes plain numbers and {val, ts} readings; use one form per list");
                continue;
            }
            if (isReading) {
                TimedValue tv = reading(f, item, itemPath, issues);
                if (tv != null) {
                    out.add(tv);
                }
            } else {
                String problem = ObservationParser.problemWith(f, item);
                if (problem != null) {
                    issues.error(itemPath, problem);
                } else {
                    out.add(new TimedValue(item.doubleValue(), null));
                }
            }
        }
        if (issues.count() > errorsBefore) {
            return null;
        }
        if (Boolean.TRUE.equals(timed)) {
            out.sort(BY_TS); // stable: readings with the same ts keep their list order
            for (int i = 1; i < out.size(); i++) {
                if (out.get(i).ts().equals(out.get(i - 1).ts())) {
                    issues.warn(path + ": readings share a timestamp; their list order is kept");
                    break;
                }
            }
        } else {
            Collections.reverse(out); // clients send plain lists newest first
        }
        return out;
    }

    /** One {@code {"val": x, "ts": "..."}}; null when not measured or invalid (errors reported). */
    private static TimedValue reading(Field f, JsonNode item, String path, Issues issues) {
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            if (!READING_KEYS.contains(e.getKey())) {
                issues.warn("unknown field '" + path + "." + ObservationParser.truncate(e.getKey()) + "' ignored");
            }
        }
        JsonNode ts = item.get("ts");
        Instant at = null;
        if (ts == null || ts.isNull()) {
            issues.error(path + ".ts", "required: " + TS_MESSAGE);
        } else if (!ts.isTextual()) {
            issues.error(path + ".ts", TS_MESSAGE);
        } else {
            at = instant(ts.textValue());
            if (at == null) {
                issues.error(path + ".ts", TS_MESSAGE);
            }
        }
        JsonNode val = item.get("val");
        if (val == null) {
            issues.error(path + ".val", "required (null when not measured)");
            return null;
        }
        String problem = ObservationParser.problemWith(f, val);
        if (problem != null) {
            issues.error(path + ".val", problem);
            return null;
        }
        if (val.isNull() || at == null) {
            return null;
        }
        return new TimedValue(val.doubleValue(), at);
    }

    /**
     * ISO-8601 with an offset ({@code Z}, {@code +01:00}); a local time without offset is refused rather than guessed,
     * since guessing a zone can reorder readings sent with mixed forms.
     */
    static Instant instant(String s) {
        if (s.length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String notes(JsonNode notes, Issues issues) {
        if (notes == null || notes.isNull()) {
            return null;
        }
        if (!notes.isTextual()) {
            issues.error("notes", "must be a string");
            return null;
        }
        String s = notes.textValue();
        if (s.length() > MAX_NOTES_CHARS) {
            issues.error("notes", "at most " + MAX_NOTES_CHARS + " characters");
            return null;
        }
        return s;
    }

    private static List<String> strings(JsonNode list, String path, Issues issues) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            issues.error(path, "must be a list of strings");
            return List.of();
        }
        if (list.size() > MAX_HISTORY_ITEMS) {
            issues.error(path, "at most " + MAX_HISTORY_ITEMS + " items");
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                issues.error(path + "[" + i + "]", "must be a string");
                continue;
            }
            String s = item.textValue().strip();
            if (s.length() > MAX_HISTORY_ITEM_CHARS) {
                issues.error(path + "[" + i + "]", "at most " + MAX_HISTORY_ITEM_CHARS + " characters");
            } else if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String patientId(JsonNode id, Issues issues) {
        return PatientIds.read(id, "patient_id", issues::error);
    }

    /** Errors and warnings, bounded like {@link ObservationParser} so junk input cannot produce huge answers. */
    private static final class Issues {
        final List<FieldError> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int droppedErrors;
        private int droppedWarnings;

        void error(String path, String message) {
            if (errors.size() < ObservationParser.MAX_ERRORS) {
                errors.add(new FieldError(path, message));
            } else {
                droppedErrors++;
            }
        }

        int count() {
            return errors.size() + droppedErrors;
        }

        void warn(String message) {
            if (warnings.size() < ObservationParser.MAX_WARNINGS) {
                warnings.add(message);
            } else {
                droppedWarnings++;
            }
        }

        List<String> warnings() {
            if (droppedWarnings > 0) {
                warnings.add(droppedWarnings + " more warnings not listed");
                droppedWarnings = 0;
            }
            return warnings;
        }

        void throwIfAny() {
            if (errors.isEmpty()) {
                return;
            }
            if (droppedErrors > 0) {
                errors.add(new FieldError("body", droppedErrors + " more invalid fields not listed"));
            }
            throw ProblemException.validation(errors);
        }
    }
}
