package io.sepsis.guardrail.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.guardrail.Shipped;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strict validation: every kind of error is refused with a path and a reason, all reasons at once. */
class GuardrailConfigParserTest {
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static List<String> refuse(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Shipped.text());
            edit.accept(root);
            return Shipped.reasons(JSON.writeValueAsString(root));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode rule(ObjectNode root, int i) {
        return (ObjectNode) root.get("thresholds").get(i);
    }

    static ObjectNode category(ObjectNode root, String id) {
        for (JsonNode c : root.get("notes").get("categories")) {
            if (c.get("id").asText().equals(id)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError(id);
    }

    static void has(List<String> reasons, String expected) {
        assertTrue(reasons.contains(expected), "expected '" + expected + "' in " + reasons);
    }

    @Test
    void shipped_configuration_is_valid_and_versioned() {
        GuardrailConfig c = Shipped.config();
        assertEquals("sepsis-guardrail-2026-11-23.1", c.version());
        assertEquals("60 thresholds, 3 combined criteria, 2 patterns, 11 history checks, 6 notes categories",
                c.summary());
        for (ThresholdRule r : c.rules()) {
            assertFalse(r.source().isBlank(), r.id());
            assertTrue(r.source().contains("clinical reference v3.0 (local consensus)")
                    || r.source().matches(".*(19|20)\\d\\d.*"), r.id() + " cites a dated source: " + r.source());
        }
    }

    @Test
    void the_test_copy_is_the_shipped_file_with_another_version() throws Exception {
        String copy = Files.readString(Path.of("src/test/resources/test-guardrail.json"));
        assertEquals(Shipped.text(), copy.replace("\"sepsis-guardrail-test.1\"", "\"sepsis-guardrail-2026-11-23.1\""));
    }

    @Test
    void unknown_operator_is_refused() {
        has(refuse(r -> rule(r, 0).put("operator", "=<")),
                "thresholds[0].operator: unknown operator '=<' (use <, <=, >, >=, ==)");
    }

    @Test
    void unknown_parameter_is_refused_with_a_suggestion() {
        has(refuse(r -> rule(r, 4).put("parameter", "lactate")),
                "thresholds[4].parameter: unknown parameter 'lactate' (did you mean 'Lactate'?)");
        assertTrue(refuse(r -> rule(r, 4).put("parameter", "Lactic")).get(0)
                .startsWith("thresholds[4].parameter: unknown parameter 'Lactic' (use a field name"));
    }

    @Test
    void unknown_category_and_role_are_refused() {
        List<String> reasons = refuse(r -> rule(r, 0).put("category", "circulation").put("role", "critical"));
        assertTrue(reasons.get(0).startsWith("thresholds[0].category: unknown value 'circulation' (use one of hemodynamic, "),
                reasons.toString());
        has(reasons, "thresholds[0].role: unknown value 'critical' (use trigger or info)");
    }

    @Test
    void missing_or_empty_source_and_rationale_are_refused() {
        has(refuse(r -> rule(r, 3).remove("source")), "thresholds[3].source: required string");
        has(refuse(r -> rule(r, 3).put("source", " ")), "thresholds[3].source: must be a non-empty string");
        has(refuse(r -> rule(r, 3).remove("rationale")), "thresholds[3].rationale: required string");
        has(refuse(r -> ((ObjectNode) r.get("combined_criteria").get(0)).remove("source")),
                "combined_criteria[0].source: required string");
    }

    @Test
    void duplicate_ids_are_refused_across_rules_criteria_and_patterns() {
        has(refuse(r -> rule(r, 1).put("id", "sbp_critical")), "thresholds[1].id: duplicate id 'sbp_critical'");
        has(refuse(r -> ((ObjectNode) r.get("early_warning_patterns").get(0)).put("id", "septic_shock")),
                "early_warning_patterns[0].id: duplicate id 'septic_shock'");
        has(refuse(r -> rule(r, 0).put("id", "SBP critical")),
                "thresholds[0].id: 'SBP critical' must be lower_snake_case ([a-z][a-z0-9_]*)");
    }

    @Test
    void wrong_types_are_refused() {
        has(refuse(r -> rule(r, 0).put("value", "90")), "thresholds[0].value: must be a number");
        has(refuse(r -> ((ObjectNode) r.get("combined_criteria").get(1)).put("min_parts", "3")),
                "combined_criteria[1].min_parts: must be an integer from 1 to 4");
        has(refuse(r -> category(r, "perfusion").put("phrases", "mottling")),
                "notes.categories[0].phrases: must be an array of strings");
        has(refuse(r -> r.put("thresholds", "none")), "thresholds: must be an array");
    }

    @Test
    void unknown_keys_are_refused_so_a_typo_cannot_leave_a_default_live() {
        has(refuse(r -> rule(r, 0).put("operater", "<")), "thresholds[0].operater: unknown key");
        has(refuse(r -> r.put("verison", "x")), "verison: unknown key");
    }

    @Test
    void a_unit_that_is_not_the_parameters_unit_is_refused() {
        has(refuse(r -> rule(r, 4).put("unit", "mg/dL")), "thresholds[4].unit: 'mg/dL' is not the unit of Lactate "
                + "(mmol/L); values are compared as sent, so the unit must match");
    }

    @Test
    void references_to_unknown_rules_history_or_categories_are_refused() {
        has(refuse(r -> rule(r, 2).put("requires_history", "hypertension")),
                "thresholds[2].requires_history: unknown history check 'hypertension'");
        has(refuse(r -> ((ObjectNode) r.get("combined_criteria").get(0).get("parts").get(1).get("any_of").get(0))
                .put("rule", "lactate_high")), "combined_criteria[0].parts[1].any_of[0].rule: unknown rule "
                + "'lactate_high'");
        has(refuse(r -> ((ArrayNode) r.get("differentials").get(2).get("when_notes")).add("mentation")),
                "differentials[2].when_notes: unknown notes category 'mentation'");
        has(refuse(r -> ((ObjectNode) r.get("decision").get("floors").get(1)).putArray("categories").add("skin")),
                "decision.floors[1].categories: unknown notes category 'skin'");
    }

    @Test
    void phrases_must_be_words_and_not_duplicate_after_normalisation() {
        has(refuse(r -> ((ArrayNode) category(r, "perfusion").get("phrases")).add("cap refill > 3 seconds")),
                "notes.categories[0].phrases[14]: phrase 'cap refill > 3 seconds' must contain words only (numbers "
                        + "and comparators belong in a numeric rule)");
        has(refuse(r -> ((ArrayNode) category(r, "mental_status").get("phrases")).add("Confusion")),
                "notes.categories[1].phrases[11]: phrase 'Confusion' matches the same words as 'confused' "
                        + "(inflections and word order are matched automatically)");
        has(refuse(r -> ((ArrayNode) r.get("notes").get("stop_words")).add("no")),
                "notes.stop_words[21]: 'no' is a negation cue and cannot be a stop word");
    }

    @Test
    void inconsistent_override_and_alert_mapping_are_refused() {
        has(refuse(r -> ((ObjectNode) r.get("decision").get("override")).put("risk_score", 70)),
                "decision.override.priority: risk_score 70 is alert level HIGH, whose priority is High");
        has(refuse(r -> ((ObjectNode) r.get("decision").get("alert_levels").get(1)).put("priority", "Critical")),
                "decision.alert_levels[1].priority: alert level HIGH must have priority High");
        has(refuse(r -> ((ArrayNode) r.get("decision").get("alert_levels")).remove(1)),
                "decision.alert_levels: must define CRITICAL, HIGH and STANDARD");
        has(refuse(r -> ((ObjectNode) r.get("decision").get("floors").get(0)).put("min_priority", "Critical")),
                "decision.floors[0].min_priority: min_risk_score 70 is alert level HIGH, whose priority is High");
        has(refuse(r -> ((ObjectNode) r.get("decision").get("alert_levels").get(0)).put("min_risk_score", 40)),
                "decision.alert_levels: min_risk_score must rise STANDARD < HIGH < CRITICAL");
    }

    @Test
    void history_effect_placeholders_are_checked() {
        has(refuse(r -> ((ObjectNode) r.get("history_checks").get(6).get("if_present").get(0))
                .put("message", "antipyretic: {value} masked")), "history_checks[6].if_present[0].message: "
                + "{value} needs a parameter");
        has(refuse(r -> ((ObjectNode) r.get("history_checks").get(0).get("if_present").get(0))
                .put("message", "CKD: {creatinine}")), "history_checks[0].if_present[0].message: the only "
                + "placeholder is {value}");
    }

    @Test
    void every_reason_is_listed_at_once() {
        List<String> reasons = refuse(r -> {
            rule(r, 0).put("operator", "=>");
            rule(r, 1).put("parameter", "Map");
            rule(r, 2).remove("source");
            ((ObjectNode) r.get("decision").get("near_miss")).put("from_risk_score", 90);
        });
        assertEquals(4, reasons.size(), reasons.toString());
    }

    @Test
    void invalid_json_says_where() {
        List<String> reasons = Shipped.reasons("{\"version\": \"x\",\n  \"thresholds\": [}");
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).startsWith("file: not valid JSON (line 2"), reasons.toString());
    }

    @Test
    void a_threshold_written_twice_is_refused_not_resolved_to_the_last_value() {
        String shipped = Shipped.text();
        int at = shipped.indexOf("\"value\": 90,");
        assertTrue(at > 0, "the shipped file has an SBP <= 90 rule");
        List<String> reasons = Shipped.reasons(shipped.substring(0, at) + "\"value\": 90, \"value\": 65,"
                + shipped.substring(at + "\"value\": 90,".length()));
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("file: not valid JSON (line "), reasons.toString());
        assertTrue(reasons.get(0).endsWith(": duplicate key 'value'"), reasons.toString());
    }
}
