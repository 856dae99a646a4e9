package io.sepsis.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/**
 * Turns one JSON object of clinical fields (PhysioNet names or aliases, case-insensitive) into an
 * {@link Observation}, or into the list of what is wrong with it.
 *
 * <p>Rules: {@code null} = not measured; a value must be a JSON number ({@code "110"} is an error), finite and
 * within the field's plausible range ({@link Field#rangeMessage}, with a unit hint); {@code Gender}, {@code Unit1},
 * {@code Unit2} must be 0 or 1; one field given twice under different names (e.g. {@code HR} and
 * {@code heart_rate}) is an error; an unknown key becomes a warning; keys in {@code reservedKeys} (matched exactly,
 * e.g. {@code patient_id}, {@code history}) are the caller's and are skipped. Errors and warnings name keys
 * (truncated to {@value #MAX_NAME_LENGTH} characters), never values.
 *
 * <pre>{@code
 * ObservationParser.Result r = ObservationParser.parse(row, "history[3]", Set.of());
 * if (!r.valid()) throw ProblemException.validation(r.errors());
 * }</pre>
 */
public final class ObservationParser {
    public static final int MAX_NAME_LENGTH = 64;
    /** Bounds on what one object can produce, so a body of 100,000 junk keys does not echo 100,000 lines. */
    public static final int MAX_ERRORS = 50;
    public static final int MAX_WARNINGS = 20;

    private static final Set<Field> BINARY = Set.of(Field.Gender, Field.Unit1, Field.Unit2);

    private ObservationParser() {
    }

    /**
     * @param observation the parsed values when {@code errors} is empty, else {@code null}
     * @param warnings    e.g. {@code unknown field 'foo' ignored}; not a reason to reject
     * @param errors      field errors with full paths ({@code history[3].HR}); empty when valid
     */
    public record Result(Observation observation, List<String> warnings, List<FieldError> errors) {
        public Result {
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }

        /** The observation, or a 400 {@link ProblemException} with all field errors. */
        public Observation orThrow() {
            if (!valid()) {
                throw ProblemException.validation(errors);
            }
            return observation;
        }
    }

    /** A top-level object without reserved keys. */
    public static Result parse(JsonNode node) {
        return parse(node, "", Set.of());
    }

    /**
     * @param node         the JSON object (a {@code null} reference or JSON null is reported as an error)
     * @param pathPrefix   where this object sits in the request, e.g. {@code ""}, {@code "history[3]"},
     *                     {@code "patients[7]"}, {@code "vitals"}; field paths read {@code prefix.key}
     * @param reservedKeys keys the caller handles itself; skipped without a warning (exact match)
     */
    public static Result parse(JsonNode node, String pathPrefix, Set<String> reservedKeys) {
        String prefix = pathPrefix == null ? "" : pathPrefix;
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (node == null || !node.isObject()) {
            String where = prefix.isEmpty() ? "body" : prefix;
            errors.add(new FieldError(where, "must be a JSON object"));
            return new Result(null, warnings, errors);
        }

        Observation.Builder builder = Observation.builder();
        Map<Field, String> seen = new EnumMap<>(Field.class);
        int droppedErrors = 0;
        int droppedWarnings = 0;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (reservedKeys.contains(key)) {
                continue;
            }
            String path = join(prefix, key);
            Optional<Field> field = Field.lookup(key);
            if (field.isEmpty()) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add("unknown field '" + path + "' ignored");
                } else {
                    droppedWarnings++;
                }
                continue;
            }
            Field f = field.get();
            String problem;
            String previous = seen.putIfAbsent(f, key);
            if (previous != null) {
                problem = "duplicates '" + truncate(previous) + "' (both are " + f.name() + ")";
            } else {
                problem = check(f, entry.getValue(), builder);
            }
            if (problem != null) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(new FieldError(path, problem));
                } else {
                    droppedErrors++;
                }
            }
        }
        if (droppedErrors > 0) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix,
                    droppedErrors + " more invalid fields not listed"));
        }
        if (droppedWarnings > 0) {
            warnings.add(droppedWarnings + " more unknown fields ignored");
        }
        return new Result(errors.isEmpty() ? builder.build() : null, warnings, errors);
    }

    /** Sets the value and returns null, or returns what is wrong with it. */
    private static String check(Field f, JsonNode value, Observation.Builder builder) {
        String problem = problemWith(f, value);
        if (problem == null && value != null && !value.isNull()) {
            builder.set(f, value.doubleValue());
        }
        return problem;
    }

    /**
     * The rule for one value of {@code f}, shared with parsers of other request shapes (e.g. the GenAI pathway's
     * lists of readings): {@code null} when the value is acceptable (JSON null = not measured, or a finite number
     * within the plausible range, 0 or 1 for binary fields), else the message for the field error. Never echoes
     * the value.
     */
    public static String problemWith(Field f, JsonNode value) {
        if (value == null || value.isNull()) {
            return null; // not measured
        }
        if (!value.isNumber()) {
            return "must be a number";
        }
        double v = value.doubleValue(); // 1e309 and huge integers come out as infinities
        if (!Double.isFinite(v)) {
            return "must be a finite number";
        }
        if (BINARY.contains(f)) {
            if (v != 0 && v != 1) {
                return "must be 0 or 1 (" + f.unit + ")";
            }
        } else if (!f.isPlausible(v)) {
            return f.rangeMessage(v);
        }
        return null;
    }

    private static String join(String prefix, String key) {
        String name = truncate(key);
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /**
     * Warnings of a whole request (one per history row can repeat the same unknown field hundreds of times): at most
     * {@value #MAX_WARNINGS}, then one saying how many more.
     */
    public static List<String> capWarnings(List<String> warnings) {
        if (warnings.size() <= MAX_WARNINGS) {
            return warnings;
        }
        List<String> out = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
        out.add((warnings.size() - MAX_WARNINGS) + " more warnings not listed");
        return out;
    }

    /** A client-supplied key as it may appear in an error or warning: at most {@value #MAX_NAME_LENGTH} characters. */
    public static String truncate(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH) + "…";
    }
}
