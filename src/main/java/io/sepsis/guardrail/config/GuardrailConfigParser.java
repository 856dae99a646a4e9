package io.sepsis.guardrail.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.ops.config.ConfigJson;
import io.sepsis.guardrail.AlertLevel;
import io.sepsis.guardrail.Operator;
import io.sepsis.guardrail.Priority;
import io.sepsis.guardrail.Probability6h;
import io.sepsis.guardrail.Role;
import io.sepsis.guardrail.RuleCategory;
import io.sepsis.guardrail.text.HistoryMatcher;
import io.sepsis.guardrail.text.NotesMatcher;
import io.sepsis.guardrail.text.TextIndex;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a guardrail configuration. Strict: unknown keys, unknown operators, parameters, categories,
 * roles and references, missing rationale or source, duplicate ids, wrong types and inconsistent alert mapping are
 * all errors, and every error is reported at once as {@code "path: message"} (path like
 * {@code thresholds[3].operator}).
 */
public final class GuardrailConfigParser {

    private static final Set<String> TOP = Set.of("version", "description", "clinical_reference", "thresholds",
            "combined_criteria", "early_warning_patterns", "history_checks", "notes", "differentials", "decision");
    private static final Set<String> RULE = Set.of("id", "category", "parameter", "operator", "value", "unit",
            "role", "requires_history", "rationale", "source");
    private static final Set<String> CRITERION = Set.of("id", "name", "role", "min_parts", "parts", "rationale",
            "source");
    private static final Set<String> PATTERN = Set.of("id", "name", "min_parts", "parts", "rationale", "source");
    private static final Set<String> PART = Set.of("label", "any_of");
    private static final Set<String> INLINE = Set.of("parameter", "operator", "value", "unit");
    private static final Set<String> HISTORY = Set.of("id", "label", "search_in", "terms", "exclude_terms",
            "if_present", "if_absent", "rationale", "source");
    private static final Set<String> EFFECT = Set.of("when_rules", "when_criteria", "when_measured", "when_notes",
            "parameter", "message");
    private static final Set<String> NOTES = Set.of("max_chars", "match_window_extra_tokens", "stop_words",
            "abbreviations", "negation", "comparators", "categories");
    private static final Set<String> NEGATION = Set.of("pre_cues", "post_cues", "scope_terminators",
            "max_pre_distance", "max_post_distance");
    private static final Set<String> CATEGORY = Set.of("id", "label", "phrases", "numeric", "sets_altered_mentation",
            "new_onset");
    private static final Set<String> NUMERIC = Set.of("id", "label", "subject", "operator", "value", "unit",
            "unit_spellings", "unit_optional", "rationale", "source");
    private static final Set<String> NEW_ONSET = Set.of("baseline_history", "baseline_cues", "new_cues");
    private static final Set<String> DIFFERENTIAL = Set.of("id", "label", "when_rules", "when_criteria",
            "when_notes", "diagnoses");
    private static final Set<String> DECISION = Set.of("override", "floors", "near_miss", "alert_levels");
    private static final Set<String> OVERRIDE = Set.of("on", "when_risk_below", "risk_score", "priority",
            "sepsis_probability_6h", "rationale", "source");
    private static final Set<String> FLOOR = Set.of("id", "on", "when_risk_below", "min_risk_score", "min_priority",
            "patterns", "categories", "rules", "min_qsofa", "rationale", "source");
    private static final Set<String> NEAR_MISS = Set.of("from_risk_score", "to_risk_score");
    private static final Set<String> LEVEL = Set.of("level", "color", "min_risk_score", "priority",
            "sepsis_probability_6h", "action_required");

    private GuardrailConfigParser() {
    }

    public static GuardrailConfig parse(byte[] json, String source, Instant loadedAt)
            throws InvalidGuardrailConfigException {
        JsonNode root = ConfigJson.readObject(json, "file: ", InvalidGuardrailConfigException::new);
        Run run = new Run(root, new String(json, StandardCharsets.UTF_8), source, loadedAt);
        GuardrailConfig cfg = run.parse();
        if (!run.errors.isEmpty() || cfg == null) {
            throw new InvalidGuardrailConfigException(run.errors.isEmpty() ? List.of("file: invalid") : run.errors);
        }
        return cfg;
    }

    /** One parse: collects errors instead of stopping at the first. */
    private static final class Run {
        final JsonNode root;
        final String text;
        final String source;
        final Instant loadedAt;
        final List<String> errors = new ArrayList<>();
        final Map<String, Integer> ruleIds = new HashMap<>();
        final Map<String, Integer> criterionIds = new HashMap<>(); // criteria, then patterns
        final Map<String, Integer> historyIds = new HashMap<>();
        final Map<String, Integer> noteIds = new HashMap<>();
        final Set<String> allIds = new HashSet<>();
        int criteriaCount;

        Run(JsonNode root, String text, String source, Instant loadedAt) {
            this.root = root;
            this.text = text;
            this.source = source;
            this.loadedAt = loadedAt;
        }

        GuardrailConfig parse() {
            keys(root, TOP, "");
            String version = str(root, "version", "", true);
            String description = str(root, "description", "", false);
            String reference = str(root, "clinical_reference", "", false);
            List<JsonNode> ruleNodes = array(root, "thresholds", "", true, true);
            List<JsonNode> criterionNodes = array(root, "combined_criteria", "", true, false);
            List<JsonNode> patternNodes = array(root, "early_warning_patterns", "", true, false);
            List<JsonNode> historyNodes = array(root, "history_checks", "", true, false);
            JsonNode notesNode = root.get("notes");
            List<JsonNode> differentialNodes = array(root, "differentials", "", false, false);
            JsonNode decisionNode = root.get("decision");

            // ids first, so references can point forwards
            collectIds(ruleNodes, "thresholds", ruleIds, 0, true);
            criteriaCount = criterionNodes.size();
            collectIds(criterionNodes, "combined_criteria", criterionIds, 0, true);
            collectIds(patternNodes, "early_warning_patterns", criterionIds, criteriaCount, true);
            collectIds(historyNodes, "history_checks", historyIds, 0, false);
            List<JsonNode> categoryNodes = List.of();
            if (notesNode == null || !notesNode.isObject()) {
                errors.add("notes: required object");
            } else {
                categoryNodes = array(notesNode, "categories", "notes.", true, true);
                collectIds(categoryNodes, "notes.categories", noteIds, 0, false);
            }

            List<ThresholdRule> rules = new ArrayList<>();
            for (int i = 0; i < ruleNodes.size(); i++) {
                ThresholdRule r = rule(ruleNodes.get(i), "thresholds[" + i + "]");
                if (r != null) {
                    rules.add(r);
                }
            }
            List<Criterion> criteria = criteria(criterionNodes, "combined_criteria", true);
            List<Criterion> patterns = criteria(patternNodes, "early_warning_patterns", false);

            TextIndex.Builder notesText = TextIndex.builder();
            TextIndex.Builder historyText = TextIndex.builder();
            Lexicon lex = notesNode != null && notesNode.isObject() ? lexicon(notesNode, notesText, historyText) : null;

            List<HistoryCheck> history = new ArrayList<>();
            int[][] terms = new int[historyNodes.size()][];
            int[][] excludes = new int[historyNodes.size()][];
            boolean[] searchConditions = new boolean[historyNodes.size()];
            boolean[] searchMedications = new boolean[historyNodes.size()];
            for (int i = 0; i < historyNodes.size(); i++) {
                HistoryCheck h = history(historyNodes.get(i), "history_checks[" + i + "]", historyText, i, terms,
                        excludes);
                if (h != null) {
                    history.add(h);
                    searchConditions[i] = h.searchConditions();
                    searchMedications[i] = h.searchMedications();
                }
            }

            List<NotesMatcher.Category> categories = new ArrayList<>();
            for (int i = 0; i < categoryNodes.size(); i++) {
                NotesMatcher.Category c = category(categoryNodes.get(i), "notes.categories[" + i + "]", notesText);
                if (c != null) {
                    categories.add(c);
                }
            }

            List<DifferentialSpec> differentials = new ArrayList<>();
            for (int i = 0; i < differentialNodes.size(); i++) {
                DifferentialSpec d = differential(differentialNodes.get(i), "differentials[" + i + "]");
                if (d != null) {
                    differentials.add(d);
                }
            }
            DecisionPolicy decision = decision(decisionNode);

            if (!errors.isEmpty() || version == null || lex == null || decision == null) {
                return null;
            }
            TextIndex notesIndex = notesText.build();
            TextIndex historyIndex = historyText.build();
            return new GuardrailConfig(version, description, reference, loadedAt, source, text, rules, criteria,
                    patterns, history, new HistoryMatcher(historyIndex, terms, excludes, searchConditions,
                    searchMedications), new NotesMatcher(notesIndex, categories), differentials, decision);
        }

        // ---------------------------------------------------------------------------------------------------------
        // thresholds
        // ---------------------------------------------------------------------------------------------------------

        ThresholdRule rule(JsonNode n, String at) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, RULE, at + ".");
            String id = str(n, "id", at + ".", true);
            RuleCategory category = enumOf(n, "category", at, RuleCategory::ofWire,
                    "one of " + wires(RuleCategory.values()));
            Parameter parameter = parameter(n, "parameter", at);
            Operator op = operator(n, "operator", at);
            Double value = num(n, "value", at + ".", true);
            String unit = unit(n, at, parameter);
            Role role = enumOf(n, "role", at, Role::ofWire, "trigger or info");
            String requires = str(n, "requires_history", at + ".", false);
            int requiresIndex = -1;
            if (requires != null) {
                Integer h = historyIds.get(requires);
                if (h == null) {
                    errors.add(at + ".requires_history: unknown history check '" + requires + "'");
                } else {
                    requiresIndex = h;
                }
            }
            String rationale = str(n, "rationale", at + ".", true);
            String src = str(n, "source", at + ".", true);
            if (id == null || category == null || parameter == null || op == null || value == null || unit == null
                    || role == null || rationale == null || src == null) {
                return null;
            }
            return new ThresholdRule(id, category, parameter, op, value, unit, role, requires, requiresIndex,
                    rationale, src);
        }

        // ---------------------------------------------------------------------------------------------------------
        // combined criteria and patterns
        // ---------------------------------------------------------------------------------------------------------

        List<Criterion> criteria(List<JsonNode> nodes, String section, boolean combined) {
            List<Criterion> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                String at = section + "[" + i + "]";
                JsonNode n = nodes.get(i);
                if (!isObject(n, at)) {
                    continue;
                }
                keys(n, combined ? CRITERION : PATTERN, at + ".");
                String id = str(n, "id", at + ".", true);
                String name = str(n, "name", at + ".", true);
                Role role = combined ? enumOf(n, "role", at, Role::ofWire, "trigger or info") : null;
                List<JsonNode> partNodes = array(n, "parts", at + ".", true, true);
                List<Criterion.Part> parts = new ArrayList<>();
                for (int p = 0; p < partNodes.size(); p++) {
                    Criterion.Part part = part(partNodes.get(p), at + ".parts[" + p + "]");
                    if (part != null) {
                        parts.add(part);
                    }
                }
                Integer min = integer(n, "min_parts", at + ".", true, 1, Math.max(1, partNodes.size()));
                String rationale = str(n, "rationale", at + ".", true);
                String src = str(n, "source", at + ".", true);
                if (id != null && name != null && (role != null || !combined) && min != null
                        && parts.size() == partNodes.size() && rationale != null && src != null) {
                    out.add(new Criterion(id, name, role, min, parts, rationale, src));
                }
            }
            return out;
        }

        Criterion.Part part(JsonNode n, String at) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, PART, at + ".");
            String label = str(n, "label", at + ".", true);
            List<JsonNode> condNodes = array(n, "any_of", at + ".", true, true);
            List<Criterion.Condition> conds = new ArrayList<>();
            for (int i = 0; i < condNodes.size(); i++) {
                Criterion.Condition c = condition(condNodes.get(i), at + ".any_of[" + i + "]");
                if (c != null) {
                    conds.add(c);
                }
            }
            if (label == null || conds.size() != condNodes.size() || conds.isEmpty()) {
                return null;
            }
            return new Criterion.Part(label, conds);
        }

        Criterion.Condition condition(JsonNode n, String at) {
            if (!isObject(n, at)) {
                return null;
            }
            if (n.has("rule")) {
                keys(n, Set.of("rule"), at + ".");
                String id = str(n, "rule", at + ".", true);
                Integer idx = id == null ? null : ruleIds.get(id);
                if (id != null && idx == null) {
                    errors.add(at + ".rule: unknown rule '" + id + "'");
                }
                return idx == null ? null : new Criterion.RuleRef(id, idx);
            }
            if (n.has("history")) {
                keys(n, Set.of("history"), at + ".");
                String id = str(n, "history", at + ".", true);
                Integer idx = id == null ? null : historyIds.get(id);
                if (id != null && idx == null) {
                    errors.add(at + ".history: unknown history check '" + id + "'");
                }
                return idx == null ? null : new Criterion.HistoryRef(id, idx);
            }
            if (n.has("parameter")) {
                keys(n, INLINE, at + ".");
                Parameter p = parameter(n, "parameter", at);
                Operator op = operator(n, "operator", at);
                Double v = num(n, "value", at + ".", true);
                String unit = unit(n, at, p);
                return p == null || op == null || v == null || unit == null ? null
                        : new Criterion.Inline(p, op, v, unit);
            }
            errors.add(at + ": must be {\"rule\": id}, {\"history\": id} or {\"parameter\", \"operator\", \"value\", "
                    + "\"unit\"}");
            return null;
        }

        // ---------------------------------------------------------------------------------------------------------
        // notes lexicon, history checks, notes categories
        // ---------------------------------------------------------------------------------------------------------

        record Lexicon(int extraWindow) {
        }

        Lexicon lexicon(JsonNode notes, TextIndex.Builder notesText, TextIndex.Builder historyText) {
            keys(notes, NOTES, "notes.");
            Integer maxChars = integer(notes, "max_chars", "notes.", true, 100, 1_000_000);
            Integer extra = integer(notes, "match_window_extra_tokens", "notes.", true, 0, 10);
            JsonNode neg = notes.get("negation");
            Integer maxPre = null;
            Integer maxPost = null;
            List<String> pre = List.of();
            List<String> post = List.of();
            List<String> term = List.of();
            if (neg == null || !neg.isObject()) {
                errors.add("notes.negation: required object");
            } else {
                keys(neg, NEGATION, "notes.negation.");
                pre = strings(neg, "pre_cues", "notes.negation.", true, true);
                post = strings(neg, "post_cues", "notes.negation.", true, true);
                term = strings(neg, "scope_terminators", "notes.negation.", true, false);
                maxPre = integer(neg, "max_pre_distance", "notes.negation.", true, 0, 10);
                maxPost = integer(neg, "max_post_distance", "notes.negation.", true, 0, 10);
            }
            int window = extra == null ? 3 : extra;
            notesText.window(window, maxPre == null ? 5 : maxPre, maxPost == null ? 3 : maxPost,
                    maxChars == null ? 20_000 : maxChars);
            historyText.window(window, maxPre == null ? 5 : maxPre, maxPost == null ? 3 : maxPost, 2_000);

            List<String> stop = strings(notes, "stop_words", "notes.", true, false);
            Set<String> preWords = new HashSet<>();
            for (String p : pre) {
                preWords.add(p.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""));
            }
            for (int i = 0; i < stop.size(); i++) {
                String w = stop.get(i);
                if (preWords.contains(w.toLowerCase(Locale.ROOT))) {
                    errors.add("notes.stop_words[" + i + "]: '" + w + "' is a negation cue and cannot be a stop word");
                    continue;
                }
                apply("notes.stop_words[" + i + "]", () -> {
                    notesText.stopWord(w);
                    historyText.stopWord(w);
                });
            }
            JsonNode abbr = notes.get("abbreviations");
            if (abbr == null || !abbr.isObject()) {
                errors.add("notes.abbreviations: required object (abbreviation -> expansion)");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = abbr.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = "notes.abbreviations." + e.getKey();
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                        errors.add(at + ": must be a non-empty string");
                        continue;
                    }
                    apply(at, () -> notesText.abbreviation(e.getKey(), e.getValue().asText()));
                }
            }
            for (int i = 0; i < pre.size(); i++) {
                String c = pre.get(i);
                apply("notes.negation.pre_cues[" + i + "]", () -> {
                    notesText.preCue(c);
                    historyText.preCue(c);
                });
            }
            for (int i = 0; i < post.size(); i++) {
                String c = post.get(i);
                apply("notes.negation.post_cues[" + i + "]", () -> {
                    notesText.postCue(c);
                    historyText.postCue(c);
                });
            }
            for (int i = 0; i < term.size(); i++) {
                String c = term.get(i);
                apply("notes.negation.scope_terminators[" + i + "]", () -> {
                    notesText.terminator(c);
                    historyText.terminator(c);
                });
            }
            JsonNode comp = notes.get("comparators");
            if (comp == null || !comp.isObject()) {
                errors.add("notes.comparators: required object (operator -> spellings)");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = comp.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = "notes.comparators." + e.getKey();
                    Operator op = Operator.ofSymbol(e.getKey()).orElse(null);
                    if (op == null || op == Operator.EQ) {
                        errors.add(at + ": unknown comparator (use <, <=, > or >=)");
                        continue;
                    }
                    List<String> spellings = strings(comp, e.getKey(), "notes.comparators.", true, true);
                    for (int i = 0; i < spellings.size(); i++) {
                        String s = spellings.get(i);
                        apply(at + "[" + i + "]", () -> notesText.comparator(op, s));
                    }
                }
            }
            return maxChars == null || extra == null || maxPre == null || maxPost == null ? null : new Lexicon(window);
        }

        HistoryCheck history(JsonNode n, String at, TextIndex.Builder text, int index, int[][] terms,
                             int[][] excludes) {
            terms[index] = new int[0];
            excludes[index] = new int[0];
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, HISTORY, at + ".");
            String id = str(n, "id", at + ".", true);
            String label = str(n, "label", at + ".", true);
            List<String> searchIn = strings(n, "search_in", at + ".", true, true);
            boolean conditions = false;
            boolean medications = false;
            for (String s : searchIn) {
                if (s.equals("conditions")) {
                    conditions = true;
                } else if (s.equals("medications")) {
                    medications = true;
                } else {
                    errors.add(at + ".search_in: unknown list '" + s + "' (use conditions, medications)");
                }
            }
            List<String> termTexts = strings(n, "terms", at + ".", true, true);
            List<String> excludeTexts = strings(n, "exclude_terms", at + ".", false, false);
            String ns = "history:" + (id == null ? index : id);
            terms[index] = phrases(termTexts, at + ".terms", text, ns);
            excludes[index] = phrases(excludeTexts, at + ".exclude_terms", text, ns + ":exclude");
            List<HistoryCheck.Effect> present = effects(n, "if_present", at, true);
            List<HistoryCheck.Effect> absent = effects(n, "if_absent", at, false);
            String rationale = str(n, "rationale", at + ".", true);
            String src = str(n, "source", at + ".", true);
            if (id == null || label == null || present == null || absent == null || rationale == null
                    || src == null) {
                return null;
            }
            return new HistoryCheck(id, label, conditions, medications, termTexts, excludeTexts, present, absent,
                    rationale, src);
        }

        List<HistoryCheck.Effect> effects(JsonNode n, String key, String at, boolean required) {
            List<JsonNode> nodes = array(n, key, at + ".", required, false);
            List<HistoryCheck.Effect> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < nodes.size(); i++) {
                String p = at + "." + key + "[" + i + "]";
                JsonNode e = nodes.get(i);
                if (!isObject(e, p)) {
                    ok = false;
                    continue;
                }
                keys(e, EFFECT, p + ".");
                List<String> rules = strings(e, "when_rules", p + ".", false, false);
                List<String> crit = strings(e, "when_criteria", p + ".", false, false);
                List<String> measured = strings(e, "when_measured", p + ".", false, false);
                List<String> notes = strings(e, "when_notes", p + ".", false, false);
                List<Integer> ruleIdx = refs(rules, ruleIds, p + ".when_rules", "rule");
                List<Integer> critIdx = refs(crit, criterionIds, p + ".when_criteria", "criterion or pattern");
                List<Integer> noteIdx = refs(notes, noteIds, p + ".when_notes", "notes category");
                List<Parameter> params = new ArrayList<>();
                for (String m : measured) {
                    Parameter.of(m).ifPresentOrElse(params::add, () -> errors.add(p + ".when_measured: "
                            + unknownParameter(m)));
                }
                Parameter parameter = e.has("parameter") ? parameter(e, "parameter", p) : null;
                String message = str(e, "message", p + ".", true);
                if (message != null) {
                    String rest = message.replace("{value}", "");
                    if (rest.contains("{") || rest.contains("}")) {
                        errors.add(p + ".message: the only placeholder is {value}");
                    } else if (message.contains("{value}") && parameter == null) {
                        errors.add(p + ".message: {value} needs a parameter");
                    }
                }
                if (message == null || ruleIdx == null || critIdx == null || noteIdx == null
                        || params.size() != measured.size() || e.has("parameter") && parameter == null) {
                    ok = false;
                    continue;
                }
                out.add(new HistoryCheck.Effect(rules, ruleIdx, crit, critIdx, params, notes, noteIdx, parameter,
                        message));
            }
            return ok ? out : null;
        }

        NotesMatcher.Category category(JsonNode n, String at, TextIndex.Builder text) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, CATEGORY, at + ".");
            String id = str(n, "id", at + ".", true);
            String label = str(n, "label", at + ".", true);
            List<String> phrases = strings(n, "phrases", at + ".", true, true);
            int[] ids = phrases(phrases, at + ".phrases", text, "notes");
            List<Integer> phraseIds = new ArrayList<>();
            for (int i : ids) {
                phraseIds.add(i);
            }
            Boolean altered = bool(n, "sets_altered_mentation", at + ".", false);
            List<JsonNode> numericNodes = array(n, "numeric", at + ".", false, false);
            List<NotesMatcher.NumericRule> numeric = new ArrayList<>();
            for (int i = 0; i < numericNodes.size(); i++) {
                NotesMatcher.NumericRule r = numeric(numericNodes.get(i), at + ".numeric[" + i + "]", text);
                if (r != null) {
                    numeric.add(r);
                }
            }
            NotesMatcher.NewOnset newOnset = null;
            JsonNode no = n.get("new_onset");
            boolean newOnsetOk = true;
            if (no != null) {
                String p = at + ".new_onset";
                if (!isObject(no, p)) {
                    newOnsetOk = false;
                } else {
                    keys(no, NEW_ONSET, p + ".");
                    List<String> hist = strings(no, "baseline_history", p + ".", true, false);
                    List<Integer> histIdx = refs(hist, historyIds, p + ".baseline_history", "history check");
                    List<String> baseline = strings(no, "baseline_cues", p + ".", true, true);
                    List<String> fresh = strings(no, "new_cues", p + ".", true, true);
                    int[] groups = new int[2];
                    apply(p + ".baseline_cues", () -> groups[0] = text.markerGroup(baseline));
                    apply(p + ".new_cues", () -> groups[1] = text.markerGroup(fresh));
                    if (histIdx == null) {
                        newOnsetOk = false;
                    } else {
                        newOnset = new NotesMatcher.NewOnset(hist, histIdx, baseline, fresh, groups[0], groups[1]);
                    }
                }
            }
            if (id == null || label == null || numeric.size() != numericNodes.size() || !newOnsetOk
                    || phraseIds.size() != phrases.size()) {
                return null;
            }
            return new NotesMatcher.Category(id, label, phrases, phraseIds, numeric, Boolean.TRUE.equals(altered),
                    newOnset);
        }

        NotesMatcher.NumericRule numeric(JsonNode n, String at, TextIndex.Builder text) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, NUMERIC, at + ".");
            String id = str(n, "id", at + ".", true);
            if (id != null && !allIds.add(id)) {
                errors.add(at + ".id: duplicate id '" + id + "'");
            }
            String label = str(n, "label", at + ".", true);
            List<String> subjects = strings(n, "subject", at + ".", true, true);
            int[] subjectIds = phrases(subjects, at + ".subject", text, "numeric:" + id);
            Operator op = operator(n, "operator", at);
            Double value = num(n, "value", at + ".", true);
            String unit = str(n, "unit", at + ".", true);
            Boolean optional = bool(n, "unit_optional", at + ".", true);
            List<String> spellings = strings(n, "unit_spellings", at + ".", true, !Boolean.TRUE.equals(optional));
            List<Integer> spellingIds = new ArrayList<>();
            for (int i = 0; i < spellings.size(); i++) {
                String s = spellings.get(i);
                apply(at + ".unit_spellings[" + i + "]", () -> spellingIds.add(text.unit(s)));
            }
            if (op == Operator.EQ) {
                errors.add(at + ".operator: a number in text needs <, <=, > or >=");
            }
            String rationale = str(n, "rationale", at + ".", true);
            String src = str(n, "source", at + ".", true);
            if (id == null || label == null || subjectIds.length != subjects.size() || op == null
                    || op == Operator.EQ || value == null || unit == null || optional == null
                    || spellingIds.size() != spellings.size() || rationale == null || src == null) {
                return null;
            }
            List<Integer> subjectList = new ArrayList<>();
            for (int s : subjectIds) {
                subjectList.add(s);
            }
            return new NotesMatcher.NumericRule(id, label, subjects, subjectList, op, value, unit, spellings,
                    spellingIds, optional, rationale, src);
        }

        int[] phrases(List<String> texts, String at, TextIndex.Builder text, String namespace) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                apply(at + "[" + i + "]", () -> ids.add(text.phrase(t, namespace)));
            }
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }

        // ---------------------------------------------------------------------------------------------------------
        // differentials and decision
        // ---------------------------------------------------------------------------------------------------------

        DifferentialSpec differential(JsonNode n, String at) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, DIFFERENTIAL, at + ".");
            String id = str(n, "id", at + ".", true);
            String label = str(n, "label", at + ".", true);
            List<String> rules = strings(n, "when_rules", at + ".", false, false);
            List<String> crit = strings(n, "when_criteria", at + ".", false, false);
            List<String> notes = strings(n, "when_notes", at + ".", false, false);
            List<Integer> ruleIdx = refs(rules, ruleIds, at + ".when_rules", "rule");
            List<Integer> critIdx = refs(crit, criterionIds, at + ".when_criteria", "criterion or pattern");
            List<Integer> noteIdx = refs(notes, noteIds, at + ".when_notes", "notes category");
            if (rules.isEmpty() && crit.isEmpty() && notes.isEmpty()) {
                errors.add(at + ": needs at least one of when_rules, when_criteria, when_notes");
            }
            List<String> diagnoses = strings(n, "diagnoses", at + ".", true, true);
            if (id == null || label == null || ruleIdx == null || critIdx == null || noteIdx == null
                    || diagnoses.isEmpty()) {
                return null;
            }
            return new DifferentialSpec(id, label, rules, ruleIdx, crit, critIdx, notes, noteIdx, diagnoses);
        }

        DecisionPolicy decision(JsonNode n) {
            if (n == null || !n.isObject()) {
                errors.add("decision: required object with override, floors, near_miss, alert_levels");
                return null;
            }
            keys(n, DECISION, "decision.");
            List<DecisionPolicy.LevelSpec> levels = levels(array(n, "alert_levels", "decision.", true, true));
            DecisionPolicy.Override override = override(n.get("override"), levels);
            List<DecisionPolicy.Floor> floors = new ArrayList<>();
            List<JsonNode> floorNodes = array(n, "floors", "decision.", true, false);
            Set<String> floorIds = new HashSet<>();
            for (int i = 0; i < floorNodes.size(); i++) {
                DecisionPolicy.Floor f = floor(floorNodes.get(i), "decision.floors[" + i + "]", levels, floorIds);
                if (f != null) {
                    floors.add(f);
                }
            }
            JsonNode nm = n.get("near_miss");
            Integer from = null;
            Integer to = null;
            if (nm == null || !nm.isObject()) {
                errors.add("decision.near_miss: required object with from_risk_score, to_risk_score");
            } else {
                keys(nm, NEAR_MISS, "decision.near_miss.");
                from = integer(nm, "from_risk_score", "decision.near_miss.", true, 0, 100);
                to = integer(nm, "to_risk_score", "decision.near_miss.", true, 0, 100);
                if (from != null && to != null && from > to) {
                    errors.add("decision.near_miss.to_risk_score: must not be below from_risk_score");
                }
            }
            if (levels == null || override == null || floors.size() != floorNodes.size() || from == null
                    || to == null) {
                return null;
            }
            return new DecisionPolicy(override, floors, from, to, levels);
        }

        List<DecisionPolicy.LevelSpec> levels(List<JsonNode> nodes) {
            Map<AlertLevel, DecisionPolicy.LevelSpec> byLevel = new EnumMap<>(AlertLevel.class);
            boolean ok = true;
            for (int i = 0; i < nodes.size(); i++) {
                String at = "decision.alert_levels[" + i + "]";
                JsonNode n = nodes.get(i);
                if (!isObject(n, at)) {
                    ok = false;
                    continue;
                }
                keys(n, LEVEL, at + ".");
                AlertLevel level = enumOf(n, "level", at, s -> {
                    try {
                        return java.util.Optional.of(AlertLevel.valueOf(s));
                    } catch (IllegalArgumentException e) {
                        return java.util.Optional.empty();
                    }
                }, "CRITICAL, HIGH or STANDARD");
                String color = str(n, "color", at + ".", true);
                Integer min = integer(n, "min_risk_score", at + ".", true, 0, 100);
                Priority priority = enumOf(n, "priority", at, Priority::ofWire, "Critical, High or Standard");
                List<String> probs = strings(n, "sepsis_probability_6h", at + ".", true, true);
                List<Probability6h> probabilities = new ArrayList<>();
                for (String p : probs) {
                    Probability6h.ofWire(p).ifPresentOrElse(probabilities::add, () -> errors.add(at
                            + ".sepsis_probability_6h: unknown value '" + p + "' (use Low, Moderate, High)"));
                }
                String action = str(n, "action_required", at + ".", true);
                if (level != null && priority != null && !priority.name().equals(level.name())) {
                    errors.add(at + ".priority: alert level " + level + " must have priority "
                            + Priority.valueOf(level.name()).wire());
                }
                if (level == null || color == null || min == null || priority == null
                        || probabilities.size() != probs.size() || probabilities.isEmpty() || action == null) {
                    ok = false;
                    continue;
                }
                if (byLevel.put(level, new DecisionPolicy.LevelSpec(level, color, min, priority, probabilities,
                        action)) != null) {
                    errors.add(at + ".level: " + level + " is listed twice");
                    ok = false;
                }
            }
            if (!ok) {
                return null;
            }
            if (byLevel.size() != AlertLevel.values().length) {
                errors.add("decision.alert_levels: must define CRITICAL, HIGH and STANDARD");
                return null;
            }
            DecisionPolicy.LevelSpec critical = byLevel.get(AlertLevel.CRITICAL);
            DecisionPolicy.LevelSpec high = byLevel.get(AlertLevel.HIGH);
            DecisionPolicy.LevelSpec standard = byLevel.get(AlertLevel.STANDARD);
            if (standard.minRiskScore() != 0) {
                errors.add("decision.alert_levels: STANDARD must start at min_risk_score 0");
            }
            if (!(standard.minRiskScore() < high.minRiskScore() && high.minRiskScore() < critical.minRiskScore())) {
                errors.add("decision.alert_levels: min_risk_score must rise STANDARD < HIGH < CRITICAL");
            }
            DecisionPolicy.LevelSpec[] ordered = {standard, high, critical};
            for (int i = 1; i < ordered.length; i++) {
                if (ordered[i].lowestProbability().ordinal() < ordered[i - 1].lowestProbability().ordinal()
                        || ordered[i].highestProbability().ordinal() < ordered[i - 1].highestProbability().ordinal()) {
                    errors.add("decision.alert_levels: sepsis_probability_6h of " + ordered[i].level()
                            + " must not be lower than that of " + ordered[i - 1].level());
                }
            }
            for (Probability6h p : Probability6h.values()) {
                if (!standard.allows(p) && !high.allows(p) && !critical.allows(p)) {
                    errors.add("decision.alert_levels: no level allows sepsis_probability_6h " + p.wire());
                }
            }
            return List.of(critical, high, standard);
        }

        DecisionPolicy.Override override(JsonNode n, List<DecisionPolicy.LevelSpec> levels) {
            String at = "decision.override";
            if (n == null || !n.isObject()) {
                errors.add(at + ": required object");
                return null;
            }
            keys(n, OVERRIDE, at + ".");
            List<String> on = strings(n, "on", at + ".", true, true);
            boolean rules = false;
            boolean criteria = false;
            for (String s : on) {
                if (s.equals("trigger_rules")) {
                    rules = true;
                } else if (s.equals("trigger_criteria")) {
                    criteria = true;
                } else {
                    errors.add(at + ".on: unknown '" + s + "' (use trigger_rules, trigger_criteria)");
                }
            }
            Integer below = integer(n, "when_risk_below", at + ".", true, 1, 101);
            Integer risk = integer(n, "risk_score", at + ".", true, 0, 100);
            Priority priority = enumOf(n, "priority", at, Priority::ofWire, "Critical, High or Standard");
            Probability6h prob = enumOf(n, "sepsis_probability_6h", at, Probability6h::ofWire,
                    "Low, Moderate or High");
            String rationale = str(n, "rationale", at + ".", true);
            String src = str(n, "source", at + ".", true);
            if (levels != null && risk != null && priority != null) {
                DecisionPolicy.LevelSpec l = levelOf(levels, risk);
                if (!l.priority().equals(priority)) {
                    errors.add(at + ".priority: risk_score " + risk + " is alert level " + l.level()
                            + ", whose priority is " + l.priority().wire());
                } else if (prob != null && !l.allows(prob)) {
                    errors.add(at + ".sepsis_probability_6h: " + prob.wire() + " is not allowed at " + l.level());
                }
            }
            if (below == null || risk == null || priority == null || prob == null || rationale == null
                    || src == null) {
                return null;
            }
            return new DecisionPolicy.Override(rules, criteria, below, risk, priority, prob, rationale, src);
        }

        DecisionPolicy.Floor floor(JsonNode n, String at, List<DecisionPolicy.LevelSpec> levels, Set<String> ids) {
            if (!isObject(n, at)) {
                return null;
            }
            keys(n, FLOOR, at + ".");
            String id = str(n, "id", at + ".", true);
            if (id != null && !ids.add(id)) {
                errors.add(at + ".id: duplicate floor id '" + id + "'");
            }
            DecisionPolicy.FloorKind on = enumOf(n, "on", at, DecisionPolicy.FloorKind::ofWire,
                    "early_warning_pattern, notes_discordance, qsofa or rules");
            Integer below = n.has("when_risk_below") ? integer(n, "when_risk_below", at + ".", true, 1, 101) : null;
            Integer min = integer(n, "min_risk_score", at + ".", true, 0, 100);
            Priority priority = enumOf(n, "min_priority", at, Priority::ofWire, "Critical, High or Standard");
            List<String> select = List.of();
            int minQsofa = 0;
            boolean ok = true;
            if (on != null) {
                Map<String, String> allowed = new LinkedHashMap<>();
                allowed.put("patterns", "early_warning_pattern");
                allowed.put("categories", "notes_discordance");
                allowed.put("rules", "rules");
                allowed.put("min_qsofa", "qsofa");
                for (Map.Entry<String, String> e : allowed.entrySet()) {
                    if (n.has(e.getKey()) && !e.getValue().equals(on.wire())) {
                        errors.add(at + "." + e.getKey() + ": only for on = " + e.getValue());
                        ok = false;
                    }
                }
                switch (on) {
                    case EARLY_WARNING_PATTERN: {
                        select = strings(n, "patterns", at + ".", false, false);
                        List<Integer> idx = refs(select, criterionIds, at + ".patterns", "pattern");
                        if (idx != null) {
                            for (int k = 0; k < idx.size(); k++) {
                                if (idx.get(k) < criteriaCount) {
                                    errors.add(at + ".patterns: '" + select.get(k) + "' is a combined criterion, "
                                            + "not a pattern");
                                }
                            }
                        }
                        ok &= idx != null;
                        break;
                    }
                    case NOTES_DISCORDANCE:
                        select = strings(n, "categories", at + ".", false, false);
                        ok &= refs(select, noteIds, at + ".categories", "notes category") != null;
                        break;
                    case RULES:
                        select = strings(n, "rules", at + ".", true, true);
                        ok &= refs(select, ruleIds, at + ".rules", "rule") != null;
                        break;
                    default:
                        Integer q = integer(n, "min_qsofa", at + ".", true, 1, 3);
                        ok &= q != null;
                        minQsofa = q == null ? 0 : q;
                }
            }
            if (levels != null && min != null && priority != null) {
                DecisionPolicy.LevelSpec l = levelOf(levels, min);
                if (!l.priority().equals(priority)) {
                    errors.add(at + ".min_priority: min_risk_score " + min + " is alert level " + l.level()
                            + ", whose priority is " + l.priority().wire());
                }
            }
            String rationale = str(n, "rationale", at + ".", true);
            String src = str(n, "source", at + ".", true);
            if (!ok || id == null || on == null || min == null || priority == null || rationale == null
                    || src == null || n.has("when_risk_below") && below == null) {
                return null;
            }
            return new DecisionPolicy.Floor(id, on, below, min, priority, select, minQsofa, rationale, src);
        }

        static DecisionPolicy.LevelSpec levelOf(List<DecisionPolicy.LevelSpec> levels, int risk) {
            for (DecisionPolicy.LevelSpec l : levels) {
                if (risk >= l.minRiskScore()) {
                    return l;
                }
            }
            return levels.get(levels.size() - 1);
        }

        // ---------------------------------------------------------------------------------------------------------
        // helpers
        // ---------------------------------------------------------------------------------------------------------

        void collectIds(List<JsonNode> nodes, String section, Map<String, Integer> ids, int offset, boolean global) {
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode n = nodes.get(i);
                if (n == null || !n.isObject()) {
                    continue;
                }
                JsonNode id = n.get("id");
                if (id == null || !id.isTextual()) {
                    continue; // reported by the full parse
                }
                String s = id.asText();
                if (!validId(s)) {
                    errors.add(section + "[" + i + "].id: '" + s + "' must be lower_snake_case ([a-z][a-z0-9_]*)");
                    continue;
                }
                if (ids.putIfAbsent(s, offset + i) != null || global && !allIds.add(s)) {
                    errors.add(section + "[" + i + "].id: duplicate id '" + s + "'");
                }
            }
        }

        static boolean validId(String s) {
            if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
                return false;
            }
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
            }
            return true;
        }

        List<Integer> refs(List<String> names, Map<String, Integer> ids, String at, String what) {
            List<Integer> out = new ArrayList<>();
            boolean ok = true;
            for (String s : names) {
                Integer i = ids.get(s);
                if (i == null) {
                    errors.add(at + ": unknown " + what + " '" + s + "'");
                    ok = false;
                } else {
                    out.add(i);
                }
            }
            return ok ? out : null;
        }

        Parameter parameter(JsonNode n, String key, String at) {
            String name = str(n, key, at + ".", true);
            if (name == null) {
                return null;
            }
            Parameter p = Parameter.of(name).orElse(null);
            if (p == null) {
                errors.add(at + "." + key + ": " + unknownParameter(name));
            }
            return p;
        }

        static String unknownParameter(String name) {
            return "unknown parameter '" + name + "'" + Parameter.suggestion(name).map(s -> " (did you mean '" + s
                    + "'?)").orElse(" (use a field name of the API contract, e.g. SBP, Lactate, Urine_output, GCS, "
                    + "or MAP, PaO2_FiO2)");
        }

        Operator operator(JsonNode n, String key, String at) {
            String s = str(n, key, at + ".", true);
            if (s == null) {
                return null;
            }
            Operator op = Operator.ofSymbol(s).orElse(null);
            if (op == null) {
                errors.add(at + "." + key + ": unknown operator '" + s + "' (use <, <=, >, >=, ==)");
            }
            return op;
        }

        /** The unit string; "" is allowed for dimensionless parameters. Must mean the parameter's unit. */
        String unit(JsonNode n, String at, Parameter p) {
            JsonNode u = n.get("unit");
            if (u == null || !u.isTextual()) {
                errors.add(at + ".unit: required string (\"\" for dimensionless values)");
                return null;
            }
            String unit = u.asText();
            if (p != null && !p.acceptsUnit(unit)) {
                errors.add(at + ".unit: '" + unit + "' is not the unit of " + p.name() + " (" + p.unit()
                        + "); values are compared as sent, so the unit must match");
                return null;
            }
            return unit;
        }

        interface Lookup<E> {
            java.util.Optional<E> of(String s);
        }

        <E> E enumOf(JsonNode n, String key, String at, Lookup<E> lookup, String expected) {
            String s = str(n, key, at + ".", true);
            if (s == null) {
                return null;
            }
            E e = lookup.of(s).orElse(null);
            if (e == null) {
                errors.add(at + "." + key + ": unknown value '" + s + "' (use " + expected + ")");
            }
            return e;
        }

        static String wires(RuleCategory[] cats) {
            StringBuilder b = new StringBuilder();
            for (RuleCategory c : cats) {
                b.append(b.length() == 0 ? "" : ", ").append(c.wire());
            }
            return b.toString();
        }

        void apply(String at, Runnable r) {
            try {
                r.run();
            } catch (IllegalArgumentException | IllegalStateException e) {
                errors.add(at + ": " + e.getMessage());
            }
        }

        boolean isObject(JsonNode n, String at) {
            if (n == null || !n.isObject()) {
                errors.add(at + ": must be an object");
                return false;
            }
            return true;
        }

        void keys(JsonNode o, Set<String> allowed, String prefix) {
            ConfigJson.unknownKeys(o, allowed, prefix, errors);
        }

        String str(JsonNode o, String key, String prefix, boolean required) {
            return ConfigJson.text(o, key, prefix, required, errors);
        }

        Double num(JsonNode o, String key, String prefix, boolean required) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    errors.add(prefix + key + ": required number");
                }
                return null;
            }
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                errors.add(prefix + key + ": must be a number");
                return null;
            }
            return n.asDouble();
        }

        Integer integer(JsonNode o, String key, String prefix, boolean required, int min, int max) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    errors.add(prefix + key + ": required integer");
                }
                return null;
            }
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                errors.add(prefix + key + ": must be an integer from " + min + " to " + max);
                return null;
            }
            return n.asInt();
        }

        Boolean bool(JsonNode o, String key, String prefix, boolean required) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    errors.add(prefix + key + ": required boolean");
                }
                return null;
            }
            if (!n.isBoolean()) {
                errors.add(prefix + key + ": must be true or false");
                return null;
            }
            return n.asBoolean();
        }

        List<JsonNode> array(JsonNode o, String key, String prefix, boolean required, boolean nonEmpty) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    errors.add(prefix + key + ": required array");
                }
                return List.of();
            }
            if (!n.isArray()) {
                errors.add(prefix + key + ": must be an array");
                return List.of();
            }
            if (nonEmpty && n.isEmpty()) {
                errors.add(prefix + key + ": must not be empty");
            }
            List<JsonNode> out = new ArrayList<>(n.size());
            n.forEach(out::add);
            return out;
        }

        List<String> strings(JsonNode o, String key, String prefix, boolean required, boolean nonEmpty) {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    errors.add(prefix + key + ": required array of strings");
                }
                return List.of();
            }
            if (!n.isArray()) {
                errors.add(prefix + key + ": must be an array of strings");
                return List.of();
            }
            if (nonEmpty && n.isEmpty()) {
                errors.add(prefix + key + ": must not be empty");
            }
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                if (!e.isTextual() || e.asText().isBlank()) {
                    errors.add(prefix + key + "[" + i + "]: must be a non-empty string");
                    continue;
                }
                if (!seen.add(e.asText().toLowerCase(Locale.ROOT))) {
                    errors.add(prefix + key + "[" + i + "]: '" + e.asText() + "' is listed twice");
                    continue;
                }
                out.add(e.asText());
            }
            return out;
        }
    }
}
