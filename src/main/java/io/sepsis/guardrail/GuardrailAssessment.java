package io.sepsis.guardrail;

import io.sepsis.clinical.score.ScoreResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the deterministic guardrail found for one patient, before any decision about risk. Lists are in
 * configuration order and immutable.
 *
 * @param configVersion             the guardrail configuration that produced it
 * @param breaches                  EVERY breached rule, trigger and info
 * @param criteriaMet               combined criteria met (septic shock, DIC, ...) with the parts that were
 * @param earlyWarnings             early-detection patterns that fired
 * @param history                   history checks that matched
 * @param historyContext            context lines ("beta-blocker: heart rate may be blunted (masks tachycardia)")
 * @param discordance               concerning findings in the notes, per category with the configured phrase
 * @param negatedFindings           phrases found only negated ("no mottling"), for audit; they raise nothing
 * @param alteredMentationFromNotes new-onset altered mental status in the notes (feeds qSOFA and NEWS2)
 * @param notesTruncated            the notes were longer than the configured maximum; only the start was read
 * @param qsofa                     qSOFA (io.sepsis.clinical.score.QSofa) with the notes' altered mentation
 * @param differentials             differential diagnoses relevant to what fired
 * @param missingParameters         parameters of rules that could not be evaluated (not measured)
 */
public record GuardrailAssessment(String configVersion, List<RuleBreach> breaches, List<CriterionResult> criteriaMet,
                                  List<CriterionResult> earlyWarnings, List<HistoryMatch> history,
                                  List<String> historyContext, List<NoteFinding> discordance,
                                  List<NoteFinding> negatedFindings, boolean alteredMentationFromNotes,
                                  boolean notesTruncated, ScoreResult qsofa, List<DifferentialResult> differentials,
                                  List<String> missingParameters) {

    public GuardrailAssessment {
        breaches = List.copyOf(breaches);
        criteriaMet = List.copyOf(criteriaMet);
        earlyWarnings = List.copyOf(earlyWarnings);
        history = List.copyOf(history);
        historyContext = List.copyOf(historyContext);
        discordance = List.copyOf(discordance);
        negatedFindings = List.copyOf(negatedFindings);
        differentials = List.copyOf(differentials);
        missingParameters = List.copyOf(missingParameters);
    }

    public List<RuleBreach> triggerBreaches() {
        List<RuleBreach> out = new ArrayList<>();
        for (RuleBreach b : breaches) {
            if (b.role() == Role.TRIGGER) {
                out.add(b);
            }
        }
        return out;
    }

    public boolean breached(String ruleId) {
        for (RuleBreach b : breaches) {
            if (b.id().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    public boolean criterionMet(String id) {
        for (CriterionResult c : criteriaMet) {
            if (c.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    public boolean earlyWarning(String id) {
        for (CriterionResult c : earlyWarnings) {
            if (c.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Findings that count (not "may be baseline"). */
    public List<NoteFinding> countedDiscordance() {
        List<NoteFinding> out = new ArrayList<>();
        for (NoteFinding f : discordance) {
            if (f.counted()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Findings grouped by notes category id (configuration order), counted or not: the {@code discordance} field. */
    public Map<String, List<NoteFinding>> discordanceByCategory() {
        Map<String, List<NoteFinding>> out = new LinkedHashMap<>();
        for (NoteFinding f : discordance) {
            out.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** True when a counted finding of the notes category was found. */
    public boolean discordance(String category) {
        for (NoteFinding f : discordance) {
            if (f.counted() && f.category().equals(category)) {
                return true;
            }
        }
        return false;
    }

    public boolean historyMatched(String check) {
        for (HistoryMatch h : history) {
            if (h.check().equals(check)) {
                return true;
            }
        }
        return false;
    }
}
