package io.sepsis.genai.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sepsis.genai.llm.LlmPrediction.ClinicalMetrics;
import io.sepsis.genai.llm.LlmPrediction.ConfidenceLevel;
import io.sepsis.genai.llm.LlmPrediction.LogicGate;
import io.sepsis.genai.llm.LlmPrediction.Prediction;
import io.sepsis.genai.llm.LlmPrediction.TrendVelocity;
import io.sepsis.guardrail.Priority;
import io.sepsis.guardrail.Probability6h;
import io.sepsis.guardrail.WireName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict check of the LLM's answer against the contract JSON. Accepted: the JSON object alone, with surrounding
 * whitespace, or alone inside one Markdown code fence ({@code ```json ... ```}). Everything else is invalid: prose,
 * prose around a fence, a missing or mistyped field, an out-of-range number, an enum value not spelled as the prompt
 * spells it, a string that is blank or too long, duplicate keys, trailing content. Fields the contract does not name
 * are ignored (never read). Problems name the field and the rule, never the model's text, so they are safe to log and
 * to send back in the corrective re-ask. Thread-safe.
 */
public final class LlmOutputValidator {

    /** Answers longer than this are not parsed (the contract JSON is a few kB at most). */
    public static final int MAX_ANSWER_CHARS = 32_000;
    static final int MAX_REASONING_CHARS = 1_500;
    static final int MAX_RATIONALE_CHARS = 3_000;
    static final int MAX_DRIVER_CHARS = 300;
    static final int MAX_LIST_ITEMS = 30;
    static final int MAX_ITEM_CHARS = 200;

    private static final Pattern FENCED = Pattern.compile("\\A```[ \\t]*(?:json|JSON)?[ \\t]*\\r?\\n(.*?)\\r?\\n?[ \\t]*```\\z",
            Pattern.DOTALL);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Either {@link Valid} or {@link Invalid}. */
    public sealed interface Result permits Valid, Invalid {
        default boolean isValid() {
            return this instanceof Valid;
        }
    }

    public record Valid(LlmPrediction prediction) implements Result {
    }

    /** @param problems one line per violated rule, in field order; never empty */
    public record Invalid(List<String> problems) implements Result {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    public Result validate(String answer) {
        if (answer == null || answer.isBlank()) {
            return invalid("the answer is empty; return the JSON object");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            return invalid("the answer is longer than " + MAX_ANSWER_CHARS + " characters");
        }
        String text = answer.strip();
        if (text.startsWith("```")) {
            Matcher m = FENCED.matcher(text);
            if (!m.matches()) {
                return invalid("the answer must be the JSON object alone (one code fence at most, nothing around it)");
            }
            text = m.group(1).strip();
        }
        if (!text.startsWith("{")) {
            return invalid("the answer is not a JSON object: return only the JSON object, no prose");
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(text)) {
            root = JSON.readTree(parser);
            boolean trailing;
            try {
                trailing = parser.nextToken() != null;
            } catch (JsonProcessingException garbage) {
                trailing = true;
            }
            if (trailing) {
                return invalid("the answer has text after the JSON object: return only the JSON object");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return invalid("the answer is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + (e.getMessage() != null && e.getMessage().startsWith("Duplicate field") ? ": duplicate key" : ""));
        } catch (java.io.IOException e) {
            return invalid("the answer is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return invalid("the answer is not a JSON object");
        }
        Fields f = new Fields();
        JsonNode p = f.object(root, "prediction");
        JsonNode c = f.object(root, "clinical_metrics");
        JsonNode g = f.object(root, "logic_gate");

        Integer risk = p == null ? null : f.integer(p, "prediction.risk_score_0_100", "risk_score_0_100", 0, 100);
        ConfidenceLevel confidence = p == null ? null
                : f.label(p, "prediction.confidence_level", "confidence_level", ConfidenceLevel.class);
        String reasoning = p == null ? null
                : f.text(p, "prediction.confidence_reasoning", "confidence_reasoning", MAX_REASONING_CHARS);
        Priority priority = p == null ? null : f.label(p, "prediction.priority", "priority", Priority.class);
        Probability6h probability = p == null ? null
                : f.label(p, "prediction.sepsis_probability_6h", "sepsis_probability_6h", Probability6h.class);
        String rationale = p == null ? null
                : f.text(p, "prediction.clinical_rationale", "clinical_rationale", MAX_RATIONALE_CHARS);

        Integer qsofa = c == null ? null : f.integer(c, "clinical_metrics.qSOFA_score", "qSOFA_score", 0, 3);
        Boolean sirs = c == null ? null : f.bool(c, "clinical_metrics.SIRS_met", "SIRS_met");
        TrendVelocity trend = c == null ? null
                : f.label(c, "clinical_metrics.trend_velocity", "trend_velocity", TrendVelocity.class);
        List<String> organStress = c == null ? null
                : f.strings(c, "clinical_metrics.organ_stress_indicators", "organ_stress_indicators");

        Boolean discordance = g == null ? null : f.bool(g, "logic_gate.discordance_detected", "discordance_detected");
        String driver = g == null ? null : f.text(g, "logic_gate.primary_driver", "primary_driver", MAX_DRIVER_CHARS);
        List<String> missing = g == null ? null : f.strings(g, "logic_gate.missing_parameters", "missing_parameters");

        if (!f.problems.isEmpty()) {
            return new Invalid(f.problems);
        }
        return new Valid(new LlmPrediction(
                new Prediction(risk, confidence, reasoning, priority, probability, rationale),
                new ClinicalMetrics(qsofa, sirs, trend, organStress),
                new LogicGate(discordance, driver, missing)));
    }

    private static Invalid invalid(String problem) {
        return new Invalid(List.of(problem));
    }

    /** Reads fields, collecting every problem rather than stopping at the first. */
    private static final class Fields {
        final List<String> problems = new ArrayList<>();

        JsonNode object(JsonNode parent, String name) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                problems.add(name + ": required object is missing");
                return null;
            }
            if (!n.isObject()) {
                problems.add(name + ": must be a JSON object");
                return null;
            }
            return n;
        }

        Integer integer(JsonNode parent, String path, String name, int min, int max) {
            JsonNode n = parent.get(name);
            String rule = "must be an integer " + min + "-" + max;
            if (n == null || n.isNull()) {
                problems.add(path + ": required, " + rule);
                return null;
            }
            // 72 and 72.0 are the same integer; 72.5, "72", true are not.
            if (!n.isNumber() || !(n.isIntegralNumber() || n.decimalValue().stripTrailingZeros().scale() <= 0)) {
                problems.add(path + ": " + rule + " (got " + kind(n) + ")");
                return null;
            }
            if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
                problems.add(path + ": " + rule + " (got " + n.asText() + ")");
                return null;
            }
            return (int) n.longValue();
        }

        Boolean bool(JsonNode parent, String path, String name) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                problems.add(path + ": required, must be true or false");
                return null;
            }
            if (!n.isBoolean()) {
                problems.add(path + ": must be true or false (got " + kind(n) + ")");
                return null;
            }
            return n.booleanValue();
        }

        String text(JsonNode parent, String path, String name, int maxChars) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                problems.add(path + ": required, must be a non-empty string");
                return null;
            }
            if (!n.isTextual()) {
                problems.add(path + ": must be a string (got " + kind(n) + ")");
                return null;
            }
            String s = n.textValue().strip();
            if (s.isEmpty()) {
                problems.add(path + ": must not be empty");
                return null;
            }
            if (s.length() > maxChars) {
                problems.add(path + ": at most " + maxChars + " characters (got " + s.length() + ")");
                return null;
            }
            return s;
        }

        <E extends Enum<E> & WireName> E label(JsonNode parent, String path, String name, Class<E> type) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(WireName::wire)
                    .collect(Collectors.joining(", "));
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                problems.add(path + ": required, one of " + allowed);
                return null;
            }
            if (!n.isTextual()) {
                problems.add(path + ": must be one of " + allowed + " (got " + kind(n) + ")");
                return null;
            }
            var value = WireName.exact(type, n.textValue()); // case-sensitive, as the prompt spells it
            if (value.isEmpty()) {
                problems.add(path + ": must be exactly one of " + allowed);
                return null;
            }
            return value.get();
        }

        List<String> strings(JsonNode parent, String path, String name) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                problems.add(path + ": required, a list of strings (may be empty)");
                return null;
            }
            if (!n.isArray()) {
                problems.add(path + ": must be a list of strings (got " + kind(n) + ")");
                return null;
            }
            if (n.size() > MAX_LIST_ITEMS) {
                problems.add(path + ": at most " + MAX_LIST_ITEMS + " items (got " + n.size() + ")");
                return null;
            }
            List<String> out = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                if (!item.isTextual() || item.textValue().isBlank()) {
                    problems.add(path + "[" + i + "]: must be a non-empty string");
                    return null;
                }
                if (item.textValue().strip().length() > MAX_ITEM_CHARS) {
                    problems.add(path + "[" + i + "]: at most " + MAX_ITEM_CHARS + " characters");
                    return null;
                }
                out.add(item.textValue().strip());
            }
            return out;
        }

        private static String kind(JsonNode n) {
            if (n.isTextual()) {
                return "a string";
            }
            if (n.isBoolean()) {
                return "a boolean";
            }
            if (n.isNumber()) {
                return n.isIntegralNumber() ? "an integer" : "a fractional number";
            }
            if (n.isArray()) {
                return "a list";
            }
            if (n.isObject()) {
                return "an object";
            }
            return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
