package io.sepsis.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/guardrail.md carries a reference section generated from the shipped configuration, between markers. This test
 * fails when the two drift; regenerate with
 * {@code mvn -q -B test -Dtest=io.sepsis.guardrail.GuardrailDocTest -Dguardrail.doc.update=true}.
 */
class GuardrailDocTest {
    static final Path DOC = Path.of("docs/guardrail.md");
    static final String BEGIN = "<!-- generated from config/guardrails/sepsis-guardrail.json: begin -->";
    static final String END = "<!-- generated from config/guardrails/sepsis-guardrail.json: end -->";

    @Test
    void the_reference_section_of_the_doc_matches_the_shipped_configuration() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        assertTrue(b >= 0 && e > b, "markers present");
        String generated = generate(Patients.JSON.readTree(Shipped.text()));
        String current = doc.substring(b + BEGIN.length(), e);
        if (Boolean.getBoolean("guardrail.doc.update") && !current.equals(generated)) {
            Files.writeString(DOC, doc.substring(0, b + BEGIN.length()) + generated + doc.substring(e),
                    StandardCharsets.UTF_8);
            current = generated;
        }
        assertEquals(generated, current, "docs/guardrail.md is out of date: regenerate (see class comment)");
    }

    @Test
    void every_rule_criterion_pattern_history_check_and_notes_category_id_appears_in_the_doc() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        JsonNode root = Patients.JSON.readTree(Shipped.text());
        for (String section : List.of("thresholds", "combined_criteria", "early_warning_patterns", "history_checks")) {
            for (JsonNode n : root.get(section)) {
                assertTrue(doc.contains("`" + n.get("id").asText() + "`"), section + " " + n.get("id"));
            }
        }
        for (JsonNode n : root.get("notes").get("categories")) {
            assertTrue(doc.contains("`" + n.get("id").asText() + "`"), "notes category " + n.get("id"));
        }
    }

    static String generate(JsonNode root) {
        StringBuilder md = new StringBuilder("\n");
        md.append("_Configuration version `").append(root.get("version").asText()).append("`._\n\n");
        md.append("### Single-parameter thresholds (").append(root.get("thresholds").size()).append(")\n\n");
        for (RuleCategory cat : RuleCategory.values()) {
            md.append("#### ").append(cat.wire()).append("\n\n");
            md.append("| rule | condition | role | rationale | source |\n|---|---|---|---|---|\n");
            for (JsonNode r : root.get("thresholds")) {
                if (!r.get("category").asText().equals(cat.wire())) {
                    continue;
                }
                String unit = r.get("unit").asText();
                md.append("| `").append(r.get("id").asText()).append("` | ").append(r.get("parameter").asText())
                        .append(' ').append(r.get("operator").asText()).append(' ')
                        .append(Num.fmt(r.get("value").asDouble())).append(unit.isEmpty() ? "" : " " + unit)
                        .append(r.has("requires_history") ? " (only with history `" + r.get("requires_history")
                                .asText() + "`)" : "")
                        .append(" | ").append(r.get("role").asText()).append(" | ").append(cell(r.get("rationale")))
                        .append(" | ").append(cell(r.get("source"))).append(" |\n");
            }
            md.append('\n');
        }
        md.append("### Combined criteria\n\n");
        criteria(md, root.get("combined_criteria"));
        md.append("### Early-detection patterns\n\n");
        criteria(md, root.get("early_warning_patterns"));

        md.append("### History checks\n\n| check | searches | terms | context lines |\n|---|---|---|---|\n");
        for (JsonNode h : root.get("history_checks")) {
            List<String> lines = new ArrayList<>();
            effects(h.get("if_present"), "if present", lines);
            effects(h.get("if_absent"), "if absent", lines);
            md.append("| `").append(h.get("id").asText()).append("` (").append(h.get("label").asText()).append(") | ")
                    .append(join(h.get("search_in"))).append(" | ").append(join(h.get("terms")))
                    .append(h.has("exclude_terms") ? "; not: " + join(h.get("exclude_terms")) : "").append(" | ")
                    .append(String.join("<br>", lines)).append(" |\n");
        }
        md.append('\n');

        JsonNode notes = root.get("notes");
        md.append("### Notes discordance phrases\n\n| category | phrases | numbers in text |\n|---|---|---|\n");
        for (JsonNode c : notes.get("categories")) {
            List<String> numeric = new ArrayList<>();
            if (c.has("numeric")) {
                for (JsonNode n : c.get("numeric")) {
                    numeric.add("`" + n.get("id").asText() + "`: " + join(n.get("subject")) + " "
                            + n.get("operator").asText() + " " + Num.fmt(n.get("value").asDouble()) + " "
                            + n.get("unit").asText() + (n.get("unit_optional").asBoolean() ? " (unit optional)"
                            : " (unit required: " + join(n.get("unit_spellings")) + ")"));
                }
            }
            md.append("| `").append(c.get("id").asText()).append("` (").append(c.get("label").asText())
                    .append(c.has("new_onset") ? "; new onset only, baseline history: "
                            + join(c.get("new_onset").get("baseline_history")) : "")
                    .append(") | ").append(join(c.get("phrases"))).append(" | ").append(String.join("<br>", numeric))
                    .append(" |\n");
        }
        md.append("\nAbbreviations: ");
        List<String> abbr = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = notes.get("abbreviations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            abbr.add(e.getKey() + " = " + e.getValue().asText());
        }
        md.append(String.join("; ", abbr)).append(".\n\n");
        JsonNode neg = notes.get("negation");
        md.append("Negation cues before a phrase (at most ").append(neg.get("max_pre_distance").asInt())
                .append(" tokens before it): ").append(join(neg.get("pre_cues"))).append(".\n")
                .append("Negation cues after a phrase (at most ").append(neg.get("max_post_distance").asInt())
                .append(" tokens after it): ").append(join(neg.get("post_cues"))).append(".\n")
                .append("Scope terminators (besides , ; . ! ? ( ) and line breaks): ")
                .append(join(neg.get("scope_terminators"))).append(".\n")
                .append("Stop words (ignored inside phrases): ").append(join(notes.get("stop_words"))).append(".\n\n");

        md.append("### Differential diagnoses\n\n| when | diagnoses |\n|---|---|\n");
        for (JsonNode d : root.get("differentials")) {
            List<String> when = new ArrayList<>();
            for (String k : List.of("when_rules", "when_criteria", "when_notes")) {
                if (d.has(k)) {
                    when.add(join(d.get(k)));
                }
            }
            md.append("| ").append(d.get("label").asText()).append(": ").append(String.join("; ", when))
                    .append(" | ").append(join(d.get("diagnoses"))).append(" |\n");
        }
        JsonNode decision = root.get("decision");
        JsonNode ov = decision.get("override");
        md.append("\n### Override, floors and alert levels\n\n")
                .append("Override: on ").append(join(ov.get("on"))).append(" while the starting risk is below ")
                .append(ov.get("when_risk_below").asInt()).append(" -> risk ").append(ov.get("risk_score").asInt())
                .append(", priority ").append(ov.get("priority").asText()).append(", 6-hour probability ")
                .append(ov.get("sepsis_probability_6h").asText()).append(".\n\n")
                .append("| floor | on | applies when risk below | raises to | rationale |\n|---|---|---|---|---|\n");
        for (JsonNode f : decision.get("floors")) {
            md.append("| `").append(f.get("id").asText()).append("` | ").append(f.get("on").asText())
                    .append(f.has("min_qsofa") ? " >= " + f.get("min_qsofa").asInt() : "")
                    .append(" | ").append(f.has("when_risk_below") ? f.get("when_risk_below").asText() : "any")
                    .append(" | ").append(f.get("min_risk_score").asInt()).append(" / ")
                    .append(f.get("min_priority").asText()).append(" | ").append(cell(f.get("rationale")))
                    .append(" |\n");
        }
        JsonNode nm = decision.get("near_miss");
        md.append("\nNear miss (audit flag): LLM risk ").append(nm.get("from_risk_score").asInt()).append("-")
                .append(nm.get("to_risk_score").asInt()).append(" and no override.\n\n")
                .append("| alert level | colour | risk from | priority | 6-hour probability | action required |\n")
                .append("|---|---|---|---|---|---|\n");
        for (JsonNode l : decision.get("alert_levels")) {
            md.append("| ").append(l.get("level").asText()).append(" | ").append(l.get("color").asText())
                    .append(" | ").append(l.get("min_risk_score").asInt()).append(" | ")
                    .append(l.get("priority").asText()).append(" | ").append(join(l.get("sepsis_probability_6h")))
                    .append(" | ").append(cell(l.get("action_required"))).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static void criteria(StringBuilder md, JsonNode list) {
        for (JsonNode c : list) {
            md.append("- `").append(c.get("id").asText()).append("` ").append(c.get("name").asText())
                    .append(c.has("role") ? " (" + c.get("role").asText() + ")" : "").append(": at least ")
                    .append(c.get("min_parts").asInt()).append(" of ").append(c.get("parts").size()).append(" parts");
            List<String> parts = new ArrayList<>();
            for (JsonNode p : c.get("parts")) {
                List<String> conds = new ArrayList<>();
                for (JsonNode x : p.get("any_of")) {
                    conds.add(x.has("rule") ? "`" + x.get("rule").asText() + "`" : x.has("history")
                            ? "history `" + x.get("history").asText() + "`"
                            : x.get("parameter").asText() + " " + x.get("operator").asText() + " "
                            + Num.fmt(x.get("value").asDouble()) + " " + x.get("unit").asText());
                }
                parts.add(p.get("label").asText() + " = " + String.join(" or ", conds));
            }
            md.append(" - ").append(String.join("; ", parts)).append(". Source: ").append(c.get("source").asText())
                    .append(".\n");
        }
        md.append('\n');
    }

    private static void effects(JsonNode list, String when, List<String> out) {
        if (list == null) {
            return;
        }
        for (JsonNode e : list) {
            List<String> conds = new ArrayList<>();
            for (String k : List.of("when_rules", "when_criteria", "when_measured", "when_notes")) {
                if (e.has(k)) {
                    conds.add(join(e.get(k)));
                }
            }
            out.add(when + (conds.isEmpty() ? "" : " and " + String.join(" or ", conds)) + ": \""
                    + cell(e.get("message")) + "\"");
        }
    }

    private static String join(JsonNode arr) {
        List<String> s = new ArrayList<>();
        arr.forEach(x -> s.add(x.asText()));
        return cell(String.join(", ", s));
    }

    private static String cell(JsonNode n) {
        return cell(n.asText());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
