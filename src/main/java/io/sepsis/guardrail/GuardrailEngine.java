package io.sepsis.guardrail;

import io.sepsis.clinical.Observation;
import io.sepsis.clinical.score.QSofa;
import io.sepsis.clinical.score.ScoreResult;
import io.sepsis.guardrail.config.Criterion;
import io.sepsis.guardrail.config.DecisionPolicy;
import io.sepsis.guardrail.config.DifferentialSpec;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.HistoryCheck;
import io.sepsis.guardrail.config.Parameter;
import io.sepsis.guardrail.config.ThresholdRule;
import io.sepsis.guardrail.text.NotesMatcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The deterministic clinical guardrail of the GenAI pathway. Plain Java, stateless, thread-safe: everything
 * clinical comes from the {@link GuardrailConfig} snapshot passed in (use the same snapshot for {@link #assess} and
 * {@link #decide}). Never calls an LLM.
 *
 * <ol>
 *   <li>{@link #assess}: every threshold rule with its own operator, combined criteria, early-warning patterns,
 *       history checks, notes discordance, qSOFA, differential diagnoses;</li>
 *   <li>{@link #decide}: from the LLM's answer (or, when the LLM is unavailable, the deterministic baseline risk)
 *       to the final risk, priority, probability and alert: only ever raising.</li>
 * </ol>
 */
public final class GuardrailEngine {
    private GuardrailEngine() {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // assess
    // ---------------------------------------------------------------------------------------------------------------

    public static GuardrailAssessment assess(GuardrailConfig cfg, GuardrailInput in) {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(in, "in");
        Observation o = in.vitals();

        // history first: rules may require it, mental status depends on it
        List<HistoryCheck> checks = cfg.historyChecks();
        String[] matchedTerm = new String[checks.size()];
        cfg.historyMatcher().match(in.conditions(), in.medications(), matchedTerm);
        boolean[] historyMatched = new boolean[checks.size()];
        List<HistoryMatch> history = new ArrayList<>();
        for (int h = 0; h < checks.size(); h++) {
            if (matchedTerm[h] != null) {
                historyMatched[h] = true;
                history.add(new HistoryMatch(checks.get(h).id(), checks.get(h).label(), matchedTerm[h]));
            }
        }

        // every rule, each with its own operator
        List<ThresholdRule> rules = cfg.rules();
        boolean[] breached = new boolean[rules.size()];
        RuleBreach[] breach = new RuleBreach[rules.size()];
        List<RuleBreach> breaches = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            ThresholdRule r = rules.get(i);
            if (r.requiresHistoryIndex() >= 0 && !historyMatched[r.requiresHistoryIndex()]) {
                continue;
            }
            double v = r.parameter().value(o);
            if (Double.isNaN(v)) {
                missing.add(r.parameter().name());
                continue;
            }
            if (r.operator().test(v, r.value())) {
                breached[i] = true;
                breach[i] = new RuleBreach(r.id(), r.category(), r.parameter().name(), r.operator(), r.value(), v,
                        r.unit(), r.role(), r.rationale(), r.source(), r.parameter().estimated(o));
                breaches.add(breach[i]);
            }
        }

        // notes
        NotesMatcher.Scan scan = in.hasNotes()
                ? cfg.notes().scan(in.notes(), historyMatched, cfg.historyLabels())
                : NotesMatcher.Scan.EMPTY;
        List<NotesMatcher.Category> categories = cfg.notes().categories();
        boolean[] notesFound = new boolean[categories.size()];
        boolean[] notesCounted = new boolean[categories.size()];
        for (NoteFinding f : scan.findings()) {
            int c = cfg.notes().categoryIndex(f.category());
            notesFound[c] = true;
            notesCounted[c] |= f.counted();
        }

        // combined criteria, then patterns (one index space: criteria first)
        List<Criterion> criteria = cfg.criteria();
        List<Criterion> patterns = cfg.patterns();
        boolean[] met = new boolean[criteria.size() + patterns.size()];
        List<CriterionResult> criteriaMet = new ArrayList<>();
        List<CriterionResult> earlyWarnings = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionResult r = evaluate(criteria.get(i), o, breached, breach, historyMatched, matchedTerm, checks);
            if (r != null) {
                met[i] = true;
                criteriaMet.add(r);
            }
        }
        for (int i = 0; i < patterns.size(); i++) {
            CriterionResult r = evaluate(patterns.get(i), o, breached, breach, historyMatched, matchedTerm, checks);
            if (r != null) {
                met[criteria.size() + i] = true;
                earlyWarnings.add(r);
            }
        }

        // history context lines
        List<String> context = new ArrayList<>();
        for (int h = 0; h < checks.size(); h++) {
            HistoryCheck check = checks.get(h);
            for (HistoryCheck.Effect e : historyMatched[h] ? check.ifPresent() : check.ifAbsent()) {
                if (applies(e, o, breached, met, notesFound)) {
                    context.add(e.parameter() == null ? e.message()
                            : e.message().replace("{value}", Num.fmt(e.parameter().value(o))));
                }
            }
        }

        ScoreResult qsofa = QSofa.evaluate(o, scan.alteredMentation());

        // differentials relevant to what fired
        List<DifferentialResult> differentials = new ArrayList<>();
        for (DifferentialSpec d : cfg.differentials()) {
            List<String> by = new ArrayList<>();
            for (int k = 0; k < d.whenRuleIndexes().size(); k++) {
                if (breached[d.whenRuleIndexes().get(k)]) {
                    by.add(d.whenRules().get(k));
                }
            }
            for (int k = 0; k < d.whenCriteriaIndexes().size(); k++) {
                if (met[d.whenCriteriaIndexes().get(k)]) {
                    by.add(d.whenCriteria().get(k));
                }
            }
            for (int k = 0; k < d.whenNotesIndexes().size(); k++) {
                if (notesCounted[d.whenNotesIndexes().get(k)]) {
                    by.add("notes:" + d.whenNotes().get(k));
                }
            }
            if (!by.isEmpty()) {
                differentials.add(new DifferentialResult(d.id(), d.label(), by, d.diagnoses()));
            }
        }

        return new GuardrailAssessment(cfg.version(), breaches, criteriaMet, earlyWarnings, history, context,
                scan.findings(), scan.negated(), scan.alteredMentation(), scan.truncated(), qsofa, differentials,
                new ArrayList<>(missing));
    }

    private static CriterionResult evaluate(Criterion c, Observation o, boolean[] breached, RuleBreach[] breach,
                                            boolean[] historyMatched, String[] matchedTerm,
                                            List<HistoryCheck> checks) {
        List<String> parts = new ArrayList<>(c.parts().size());
        for (Criterion.Part part : c.parts()) {
            StringBuilder line = null;
            for (Criterion.Condition cond : part.anyOf()) {
                String what = null;
                if (cond instanceof Criterion.RuleRef ref) {
                    if (breached[ref.ruleIndex()]) {
                        what = breach[ref.ruleIndex()].condition();
                    }
                } else if (cond instanceof Criterion.Inline in) {
                    double v = in.parameter().value(o);
                    if (in.operator().test(v, in.value())) {
                        what = in.parameter().name() + " " + Num.fmt(v) + " " + in.operator().symbol() + " "
                                + Num.fmt(in.value()) + (in.unit().isEmpty() ? "" : " " + in.unit());
                    }
                } else if (cond instanceof Criterion.HistoryRef ref) {
                    if (historyMatched[ref.historyIndex()]) {
                        what = "history of " + checks.get(ref.historyIndex()).label() + " ("
                                + matchedTerm[ref.historyIndex()] + ")";
                    }
                }
                if (what != null) {
                    if (line == null) {
                        line = new StringBuilder(part.label()).append(": ").append(what);
                    } else {
                        line.append(", ").append(what);
                    }
                }
            }
            if (line != null) {
                parts.add(line.toString());
            }
        }
        if (parts.size() < c.minParts()) {
            return null;
        }
        return new CriterionResult(c.id(), c.name(), c.role(), parts.size(), c.minParts(), c.parts().size(), parts,
                c.rationale(), c.source());
    }

    private static boolean applies(HistoryCheck.Effect e, Observation o, boolean[] breached, boolean[] met,
                                   boolean[] notesFound) {
        if (e.unconditional()) {
            return true;
        }
        for (int i : e.whenRuleIndexes()) {
            if (breached[i]) {
                return true;
            }
        }
        for (int i : e.whenCriteriaIndexes()) {
            if (met[i]) {
                return true;
            }
        }
        for (Parameter p : e.whenMeasured()) {
            if (!Double.isNaN(p.value(o))) {
                return true;
            }
        }
        for (int i : e.whenNotesIndexes()) {
            if (notesFound[i]) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // decide
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The final risk, priority, 6-hour probability and alert.
     *
     * <ol>
     *   <li>Start: the LLM's risk (clamped to 0-100), or {@code deterministicBaselineRisk} when {@code llm} is null
     *       (LLM unavailable, timed out or invalid). The LLM's priority and probability count too, they can only
     *       raise.</li>
     *   <li>Override: if any trigger rule is breached or trigger criterion met and the start is below the configured
     *       threshold (80), risk becomes the override risk (95), Critical, probability High. The reasons are listed
     *       in {@code overrideReasons} whether or not the override was needed.</li>
     *   <li>Floors in configuration order (early-warning pattern -> 70/High; notes discordance while risk < 60 ->
     *       70/High; qSOFA >= 2 -> 50/High; ...): risk = max(risk, floor).</li>
     *   <li>Consistency: the alert level is the highest of the level of the risk, of the floors' and the LLM's
     *       priority, and the lowest level allowing the LLM's probability; the risk is raised to that level's
     *       minimum, the priority is that level's, the probability the LLM's if the level allows it, else the
     *       level's lowest.</li>
     * </ol>
     *
     * @param llm                       the LLM's answer, or null when there is none
     * @param deterministicBaselineRisk 0-100 on the same scale (the ML pathway's risk_score), used when llm is null
     */
    public static GuardrailDecision decide(GuardrailConfig cfg, GuardrailAssessment a, LlmView llm,
                                           int deterministicBaselineRisk) {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(a, "a");
        DecisionPolicy policy = cfg.decision();
        if (llm == null && (deterministicBaselineRisk < 0 || deterministicBaselineRisk > 100)) {
            throw new IllegalArgumentException("deterministicBaselineRisk must be 0-100, got "
                    + deterministicBaselineRisk);
        }
        int start = llm != null ? clamp(llm.riskScore()) : deterministicBaselineRisk;
        GuardrailDecision.Basis basis = llm != null ? GuardrailDecision.Basis.LLM
                : GuardrailDecision.Basis.DETERMINISTIC_BASELINE;
        Priority llmPriority = llm == null ? null : llm.priority();
        Probability6h llmProbability = llm == null ? null : llm.probability6h();

        DecisionPolicy.Override ov = policy.override();
        List<String> reasons = new ArrayList<>();
        List<String> triggerIds = new ArrayList<>();
        if (ov.onTriggerRules()) {
            for (RuleBreach b : a.triggerBreaches()) {
                reasons.add(b.describe());
                triggerIds.add(b.id());
            }
        }
        if (ov.onTriggerCriteria()) {
            for (CriterionResult c : a.criteriaMet()) {
                if (c.role() == Role.TRIGGER) {
                    reasons.add(c.describe());
                    triggerIds.add(c.id());
                }
            }
        }

        int risk = start;
        AlertLevel floorLevel = AlertLevel.STANDARD;
        List<String> escalations = new ArrayList<>();
        List<String> escalatedBy = new ArrayList<>();
        boolean override = false;
        if (!reasons.isEmpty() && start < ov.whenRiskBelow()) {
            override = true;
            risk = Math.max(risk, ov.riskScore());
            floorLevel = floorLevel.max(policy.levelOf(ov.priority()));
        }

        for (DecisionPolicy.Floor f : policy.floors()) {
            String signal = signal(f, a);
            if (signal == null || f.whenRiskBelow() != null && risk >= f.whenRiskBelow()) {
                continue;
            }
            AlertLevel level = policy.levelOf(f.minPriority());
            if (risk < f.minRiskScore() || level.ordinal() > floorLevel.max(policy.levelOf(risk).level()).ordinal()) {
                escalations.add(f.id() + " (" + signal + "): risk " + risk + " -> " + Math.max(risk,
                        f.minRiskScore()) + ", priority at least " + f.minPriority().wire());
                escalatedBy.add(f.id());
                risk = Math.max(risk, f.minRiskScore());
                floorLevel = floorLevel.max(level);
            }
        }

        AlertLevel level = policy.levelOf(risk).level().max(floorLevel);
        if (llmPriority != null && policy.levelOf(llmPriority).ordinal() > level.ordinal()) {
            level = policy.levelOf(llmPriority);
            escalations.add("llm_priority: the LLM's priority " + llmPriority.wire() + " is above its risk score "
                    + start + ": alert " + level);
            escalatedBy.add("llm_priority");
        }
        if (llmProbability != null && !policy.spec(level).allows(llmProbability)
                && llmProbability.ordinal() > policy.spec(level).highestProbability().ordinal()) {
            for (int l = level.ordinal() + 1; l < AlertLevel.values().length; l++) {
                if (policy.spec(AlertLevel.values()[l]).allows(llmProbability)) {
                    level = AlertLevel.values()[l];
                    escalations.add("llm_probability: the LLM's 6-hour probability " + llmProbability.wire()
                            + " is not allowed below alert " + level);
                    escalatedBy.add("llm_probability");
                    break;
                }
            }
        }
        DecisionPolicy.LevelSpec spec = policy.spec(level);
        risk = Math.max(risk, spec.minRiskScore());
        Probability6h probability = llmProbability != null && spec.allows(llmProbability) ? llmProbability
                : spec.lowestProbability();
        if (override && spec.allows(ov.probability()) && ov.probability().ordinal() > probability.ordinal()) {
            probability = ov.probability();
        }
        boolean nearMiss = llm != null && !override && start >= policy.nearMissFrom() && start <= policy.nearMissTo();
        return new GuardrailDecision(risk, spec.priority(), probability, level, spec.color(), spec.actionRequired(),
                override, reasons, override ? triggerIds : List.of(), escalations, escalatedBy,
                llm == null ? null : start, basis, start, nearMiss, cfg.version());
    }

    /** What fired for a floor ("early_sepsis_vitals", "perfusion", "qSOFA 2"), or null. */
    private static String signal(DecisionPolicy.Floor f, GuardrailAssessment a) {
        switch (f.on()) {
            case EARLY_WARNING_PATTERN:
                for (CriterionResult c : a.earlyWarnings()) {
                    if (f.select().isEmpty() || f.select().contains(c.id())) {
                        return c.id();
                    }
                }
                return null;
            case NOTES_DISCORDANCE:
                for (NoteFinding n : a.discordance()) {
                    if (n.counted() && (f.select().isEmpty() || f.select().contains(n.category()))) {
                        return n.category() + ": \"" + n.phrase() + "\"";
                    }
                }
                return null;
            case QSOFA:
                return a.qsofa().score() >= f.minQsofa() ? "qSOFA " + a.qsofa().score() : null;
            default:
                for (RuleBreach b : a.breaches()) {
                    if (f.select().contains(b.id())) {
                        return b.id();
                    }
                }
                return null;
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(100, v));
    }
}
