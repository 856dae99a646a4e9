package io.sepsis.guardrail.config;

import io.sepsis.guardrail.text.HistoryMatcher;
import io.sepsis.guardrail.text.NotesMatcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One immutable, validated snapshot of the guardrail configuration ({@code config/guardrails/*.json}), with its
 * phrase matchers compiled. Built only by {@link GuardrailConfigParser}; a request uses one snapshot from
 * {@code assess} to {@code decide}, so a reload never half-applies to it.
 */
public final class GuardrailConfig {
    private final String version;
    private final String description;
    private final String clinicalReference;
    private final Instant loadedAt;
    private final String source;
    private final String json;
    private final List<ThresholdRule> rules;
    private final List<Criterion> criteria;
    private final List<Criterion> patterns;
    private final List<HistoryCheck> historyChecks;
    private final List<String> historyLabels;
    private final HistoryMatcher historyMatcher;
    private final NotesMatcher notes;
    private final List<DifferentialSpec> differentials;
    private final DecisionPolicy decision;

    GuardrailConfig(String version, String description, String clinicalReference, Instant loadedAt, String source,
                    String json, List<ThresholdRule> rules, List<Criterion> criteria, List<Criterion> patterns,
                    List<HistoryCheck> historyChecks, HistoryMatcher historyMatcher, NotesMatcher notes,
                    List<DifferentialSpec> differentials, DecisionPolicy decision) {
        this.version = version;
        this.description = description;
        this.clinicalReference = clinicalReference;
        this.loadedAt = loadedAt;
        this.source = source;
        this.json = json;
        this.rules = List.copyOf(rules);
        this.criteria = List.copyOf(criteria);
        this.patterns = List.copyOf(patterns);
        this.historyChecks = List.copyOf(historyChecks);
        List<String> labels = new ArrayList<>();
        for (HistoryCheck h : historyChecks) {
            labels.add(h.label());
        }
        this.historyLabels = List.copyOf(labels);
        this.historyMatcher = historyMatcher;
        this.notes = notes;
        this.differentials = List.copyOf(differentials);
        this.decision = decision;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public String clinicalReference() {
        return clinicalReference;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Where it was read from: a file path or {@code classpath:/defaults/guardrails/...}. */
    public String source() {
        return source;
    }

    /** The validated file's text, exactly as loaded (what {@code GET /genai-guardrail/thresholds} shows). */
    public String json() {
        return json;
    }

    public List<ThresholdRule> rules() {
        return rules;
    }

    /** Combined criteria (septic shock, DIC, ...). */
    public List<Criterion> criteria() {
        return criteria;
    }

    /** Early-detection patterns. */
    public List<Criterion> patterns() {
        return patterns;
    }

    public List<HistoryCheck> historyChecks() {
        return historyChecks;
    }

    public List<String> historyLabels() {
        return historyLabels;
    }

    public HistoryMatcher historyMatcher() {
        return historyMatcher;
    }

    public NotesMatcher notes() {
        return notes;
    }

    public List<DifferentialSpec> differentials() {
        return differentials;
    }

    public DecisionPolicy decision() {
        return decision;
    }

    /** E.g. "60 thresholds, 3 combined criteria, 2 patterns, 11 history checks, 6 notes categories". */
    public String summary() {
        return rules.size() + " thresholds, " + criteria.size() + " combined criteria, " + patterns.size()
                + " patterns, " + historyChecks.size() + " history checks, " + notes.categories().size()
                + " notes categories";
    }
}
