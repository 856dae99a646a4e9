package io.sepsis.genai.prompt;

import io.sepsis.ops.config.InvalidConfigException;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.ops.config.ConfigJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One validated, immutable prompt file ({@code config/prompts/sepsis-assessment.json}) and its rendering.
 *
 * <p>File keys (strict: an unknown key is an error, so a typo cannot silently leave a part out):
 * <ul>
 *   <li>{@code version}: non-empty string, reported as {@code prompt_version};</li>
 *   <li>{@code description}: optional;</li>
 *   <li>{@code system}: the system message (a string, or a list of lines joined with newlines); must mention the
 *       {@code <clinical_notes>} delimiter, since it is where the model learns that the block is untrusted data;</li>
 *   <li>{@code user_template}: the user message (string or list of lines) with {@code {{narrative}}},
 *       {@code {{notes}}} and {@code {{injection_warning}}} exactly once each, and no other placeholder;</li>
 *   <li>{@code injection_warning}: the line put in place of {@code {{injection_warning}}} when the detector flagged
 *       the input, with {@code {{flags}}} for the categories; when nothing was flagged the placeholder's line is
 *       removed.</li>
 * </ul>
 *
 * <p>{@link #render} substitutes in one pass over pre-split segments, so a note that contains
 * {@code {{narrative}}} stays literal text. The notes are wrapped in {@code <clinical_notes>...</clinical_notes>}
 * after every delimiter-like tag inside them has been neutralised ({@link #neutraliseDelimiters}): a note cannot
 * close the block and write outside it.
 */
public final class PromptTemplate {
    public static final String NARRATIVE = "{{narrative}}";
    public static final String NOTES = "{{notes}}";
    public static final String INJECTION_WARNING = "{{injection_warning}}";
    public static final String FLAGS = "{{flags}}";
    public static final String OPEN_TAG = "<clinical_notes>";
    public static final String CLOSE_TAG = "</clinical_notes>";
    /** What replaces a delimiter-like tag found inside the notes. */
    public static final String NEUTRALISED = "[delimiter removed]";
    static final String NO_NOTES = "(no clinical notes provided)";
    static final int MAX_VERSION_CHARS = 64;

    private static final Set<String> KEYS = Set.of("version", "description", "system", "user_template",
            "injection_warning");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    /**
     * Opening or closing clinical_notes tags in any spelling a model might honour: any case, spaces, "-" or "_",
     * HTML entities, look-alike brackets, with or without the closing bracket or attributes.
     */
    private static final Pattern DELIMITER = Pattern.compile(
            "(?i)(?:<|&lt;|\uFF1C|\uFE64|\u2039|\u3008|\u27E8)\\s*/?\\s*clinical[\\s_-]*notes?\\b"
                    + "(?:\\s+[a-z_-]{1,20}\\s*=\\s*(?:\"[^\"\\n]{0,40}\"|'[^'\\n]{0,40}'|[^\\s>]{1,40}))*\\s*/?\\s*"
                    + "(?:>|&gt;|\uFF1E|\uFE65|\u203A|\u3009|\u27E9)?");

    /** Thrown with every reason the prompt file was refused. */
    public static final class InvalidPromptException extends InvalidConfigException {
        public InvalidPromptException(List<String> reasons) {
            super(reasons);
        }
    }

    private final String version;
    private final String description;
    private final String system;
    private final String userTemplate;
    private final List<Object> segments; // String literals and Slot markers, in order
    private final String injectionWarning;
    private final String source;
    private final Instant loadedAt;

    private enum Slot { NARRATIVE, NOTES, INJECTION_WARNING }

    private PromptTemplate(String version, String description, String system, String userTemplate,
                           List<Object> segments, String injectionWarning, String source, Instant loadedAt) {
        this.version = version;
        this.description = description;
        this.system = system;
        this.userTemplate = userTemplate;
        this.segments = List.copyOf(segments);
        this.injectionWarning = injectionWarning;
        this.source = source;
        this.loadedAt = loadedAt;
    }

    /** Parses and validates a prompt file; every problem is reported at once. */
    public static PromptTemplate parse(byte[] json, String source, Instant loadedAt) throws InvalidPromptException {
        JsonNode root = ConfigJson.readObject(json, "", InvalidPromptException::new);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!KEYS.contains(e.getKey())) {
                errors.add("unknown key '" + e.getKey() + "'");
            }
        }
        String version = text(root, "version", errors);
        if (version != null && version.length() > MAX_VERSION_CHARS) {
            errors.add("version: at most " + MAX_VERSION_CHARS + " characters");
        }
        JsonNode d = root.get("description");
        String description = d != null && d.isTextual() ? d.textValue() : null;
        if (d != null && !d.isNull() && !d.isTextual()) {
            errors.add("description: must be a string");
        }
        String system = text(root, "system", errors);
        String user = text(root, "user_template", errors);
        String warning = text(root, "injection_warning", errors);

        if (system != null) {
            if (!system.contains(OPEN_TAG)) {
                errors.add("system: must tell the model that text inside " + OPEN_TAG + " is untrusted data");
            }
            if (PLACEHOLDER.matcher(system).find()) {
                errors.add("system: placeholders are not substituted in the system message");
            }
        }
        List<Object> segments = new ArrayList<>();
        if (user != null) {
            segments = segments(user, errors);
            if (user.contains(OPEN_TAG) || user.contains(CLOSE_TAG)) {
                errors.add("user_template: must not contain the delimiter tags; {{notes}} is replaced by the"
                        + " whole delimited block");
            }
        }
        if (warning != null) {
            Matcher m = PLACEHOLDER.matcher(warning);
            int flags = 0;
            while (m.find()) {
                if (m.group().equals(FLAGS)) {
                    flags++;
                } else {
                    errors.add("injection_warning: unknown placeholder " + m.group());
                }
            }
            if (flags != 1) {
                errors.add("injection_warning: must contain " + FLAGS + " exactly once");
            }
            if (warning.contains("\n")) {
                errors.add("injection_warning: must be one line");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPromptException(errors);
        }
        return new PromptTemplate(version, description, system, user, segments, warning, source, loadedAt);
    }

    private static List<Object> segments(String user, List<String> errors) {
        List<Object> out = new ArrayList<>();
        int[] seen = new int[Slot.values().length];
        Matcher m = PLACEHOLDER.matcher(user);
        int at = 0;
        while (m.find()) {
            Slot slot = switch (m.group()) {
                case NARRATIVE -> Slot.NARRATIVE;
                case NOTES -> Slot.NOTES;
                case INJECTION_WARNING -> Slot.INJECTION_WARNING;
                default -> null;
            };
            if (slot == null) {
                errors.add("user_template: unknown placeholder " + m.group());
                continue;
            }
            seen[slot.ordinal()]++;
            if (m.start() > at) {
                out.add(user.substring(at, m.start()));
            }
            out.add(slot);
            at = m.end();
        }
        if (at < user.length()) {
            out.add(user.substring(at));
        }
        String[] names = {NARRATIVE, NOTES, INJECTION_WARNING};
        for (Slot s : Slot.values()) {
            if (seen[s.ordinal()] != 1) {
                errors.add("user_template: must contain " + names[s.ordinal()] + " exactly once");
            }
        }
        return out;
    }

    /** A required non-blank string, or a non-empty list of strings joined with newlines. */
    private static String text(JsonNode root, String key, List<String> errors) {
        JsonNode n = root.get(key);
        if (n != null && n.isTextual() && !n.textValue().isBlank()) {
            return n.textValue();
        }
        if (n != null && n.isArray() && !n.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isTextual()) {
                    errors.add(key + "[" + i + "]: must be a string");
                    return null;
                }
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(n.get(i).textValue());
            }
            if (!sb.toString().isBlank()) {
                return sb.toString();
            }
        }
        errors.add(key + ": required non-empty string" + (key.equals("version") ? "" : " (or list of lines)"));
        return null;
    }

    /**
     * The system and user messages.
     *
     * @param narrative      from {@link ClinicalNarrative#build}
     * @param redactedNotes  the notes after {@link io.sepsis.genai.redaction.PhiRedactor}; {@code null} or blank
     *                       when there are none
     * @param injectionFlags from {@link InjectionDetector}; empty when nothing was flagged
     */
    public RenderedPrompt render(String narrative, String redactedNotes, List<String> injectionFlags) {
        Objects.requireNonNull(narrative, "narrative");
        String notes = redactedNotes == null || redactedNotes.isBlank()
                ? NO_NOTES
                : neutraliseDelimiters(UntrustedText.clean(redactedNotes)).strip();
        String warning = injectionFlags == null || injectionFlags.isEmpty()
                ? ""
                : injectionWarning.replace(FLAGS, String.join(", ", injectionFlags));
        String story = narrative.stripTrailing();
        StringBuilder sb = new StringBuilder(userTemplate.length() + story.length() + notes.length() + 64);
        boolean dropNextNewline = false;
        for (Object seg : segments) {
            if (seg instanceof String literal) {
                if (dropNextNewline && literal.startsWith("\n")) {
                    literal = literal.substring(1);
                }
                dropNextNewline = false;
                sb.append(literal);
            } else {
                switch ((Slot) seg) {
                    case NARRATIVE -> sb.append(story);
                    case NOTES -> sb.append(OPEN_TAG).append('\n').append(notes).append('\n').append(CLOSE_TAG);
                    case INJECTION_WARNING -> {
                        sb.append(warning);
                        // an empty warning on a line of its own leaves no blank line behind
                        dropNextNewline = warning.isEmpty() && (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n');
                    }
                }
            }
        }
        return new RenderedPrompt(system, sb.toString(), version);
    }

    /**
     * The text with every opening or closing {@code clinical_notes} tag (any case, spacing, entity or look-alike
     * bracket) replaced by {@value #NEUTRALISED}.
     */
    public static String neutraliseDelimiters(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!mayContainDelimiter(text)) {
            return text;
        }
        return DELIMITER.matcher(text).replaceAll(NEUTRALISED);
    }

    /** Cheap pre-check: every delimiter spelling starts with a bracket or an ampersand. */
    private static boolean mayContainDelimiter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '&' || c == '\uFF1C' || c == '\uFE64' || c == '\u2039' || c == '\u3008'
                    || c == '\u27E8') {
                return true;
            }
        }
        return false;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public String system() {
        return system;
    }

    public String userTemplate() {
        return userTemplate;
    }

    public String source() {
        return source;
    }

    public Instant loadedAt() {
        return loadedAt;
    }
}
