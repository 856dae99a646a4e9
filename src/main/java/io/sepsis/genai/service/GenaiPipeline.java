package io.sepsis.genai.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.api.ProblemException;
import io.sepsis.api.ScoresView;
import io.sepsis.clinical.SepticShockCriteria;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmOutcome;
import io.sepsis.genai.llm.LlmPrediction;
import io.sepsis.genai.preprocess.GenaiPatient;
import io.sepsis.genai.preprocess.GenaiRequestParser;
import io.sepsis.genai.prompt.AssembledPrompt;
import io.sepsis.genai.prompt.PromptAssembler;
import io.sepsis.genai.prompt.PromptStore;
import io.sepsis.genai.prompt.PromptTemplate;
import io.sepsis.genai.prompt.UntrustedText;
import io.sepsis.genai.redaction.PatientIdHasher;
import io.sepsis.guardrail.CriterionResult;
import io.sepsis.guardrail.DifferentialResult;
import io.sepsis.guardrail.GuardrailAssessment;
import io.sepsis.guardrail.GuardrailDecision;
import io.sepsis.guardrail.GuardrailEngine;
import io.sepsis.guardrail.GuardrailInput;
import io.sepsis.guardrail.LlmView;
import io.sepsis.guardrail.NoteFinding;
import io.sepsis.guardrail.RuleBreach;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.GuardrailStore;
import io.sepsis.ml.service.Classification;
import io.sepsis.ml.service.MlService;
import io.sepsis.ml.service.PatientInput;
import io.sepsis.ml.service.SepsisClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The GenAI pathway for one patient, in the only safe order:
 * <ol>
 *   <li>validate the request (400 naming the field);</li>
 *   <li>the deterministic guardrail assesses the vitals, history and notes locally (the notes never leave);</li>
 *   <li>clinical scores (with new-onset confusion from the notes) and the ML pathway's risk for the latest values:
 *   the deterministic baseline;</li>
 *   <li>unless the provider is {@code none} or cost control skips it, the prompt is assembled from a narrative and
 *   PHI-redacted, delimited notes (never the patient id) and the LLM answers within one deadline;</li>
 *   <li>the guardrail decides: it can only raise the starting risk (the LLM's, or the baseline when the LLM is
 *   unavailable) and always lists every breached rule;</li>
 *   <li>one audit line, with a hashed patient id and no patient data.</li>
 * </ol>
 */
@ApplicationScoped
public class GenaiPipeline {
    private final GuardrailStore guardrails;
    private final PromptStore prompts;
    private final LlmAssessor llm;
    private final MlService ml;
    private final PatientIdHasher hasher;
    private final DecisionAudit audit;
    private final boolean costControl;
    private final int borderlineLow;
    private final int borderlineHigh;

    public GenaiPipeline(GuardrailStore guardrails, PromptStore prompts, LlmAssessor llm, MlService ml,
                         PatientIdHasher hasher, DecisionAudit audit,
                         @ConfigProperty(name = "genai.cost-control.enabled", defaultValue = "false") boolean costControl,
                         @ConfigProperty(name = "genai.cost-control.borderline-low", defaultValue = "25") int borderlineLow,
                         @ConfigProperty(name = "genai.cost-control.borderline-high", defaultValue = "79") int borderlineHigh) {
        this.guardrails = guardrails;
        this.prompts = prompts;
        this.llm = llm;
        this.ml = ml;
        this.hasher = hasher;
        this.audit = audit;
        this.costControl = costControl;
        this.borderlineLow = borderlineLow;
        this.borderlineHigh = borderlineHigh;
    }

    /** Live configuration for one request or one whole batch. */
    public record Snapshot(GuardrailConfig guardrail, PromptTemplate prompt, MlService.Bound ml) {
    }

    public Snapshot snapshot() {
        GuardrailConfig g = guardrails.current().orElseThrow(() -> new ProblemException(503, "Service not ready",
                "guardrail configuration not loaded: " + guardrails.detail()));
        PromptTemplate p = prompts.current().orElseThrow(() -> new ProblemException(503, "Service not ready",
                "prompt not loaded: " + prompts.detail()));
        return new Snapshot(g, p, ml.bind());
    }

    /** Validates and decides one patient; throws {@link ProblemException} (400) for bad input only. */
    public GenaiResult classify(JsonNode body, Snapshot s, String requestId, String pathPrefix) {
        long start = System.nanoTime();
        GenaiPatient p;
        try {
            p = GenaiRequestParser.parse(body);
        } catch (ProblemException e) {
            throw pathPrefix.isEmpty() ? e : e.withFieldPrefix(pathPrefix);
        }
        String patientHash = p.patientId() == null ? null : hasher.hash(p.patientId());
        try {
            return decide(p, s, requestId, patientHash, start);
        } catch (RuntimeException e) {
            audit.failure(requestId, patientHash, e.getClass().getSimpleName(), elapsedMs(start));
            throw e;
        }
    }

    private GenaiResult decide(GenaiPatient p, Snapshot s, String requestId, String patientHash, long start) {
        String notes = p.hasNotes() ? UntrustedText.clean(p.notes()) : null;
        GuardrailAssessment a = GuardrailEngine.assess(s.guardrail(),
                new GuardrailInput(p.latest(), notes, p.conditions(), p.medications()));
        ClinicalScores scores = ClinicalScores.compute(p.latest(), a.alteredMentationFromNotes());
        SepticShockCriteria shock = SepticShockCriteria.evaluate(p.latest());
        Classification baseline = s.ml().classify(new PatientInput(null, p.latest(), List.of(), List.of()),
                SepsisClassifier.Explain.NONE);

        LlmOutcome outcome = null;
        String skipped = null;
        AssembledPrompt prompt = null;
        if (costControl && !p.hasNotes()
                && (baseline.riskScore() < borderlineLow || baseline.riskScore() > borderlineHigh)) {
            skipped = "cost control: no notes and ML risk " + baseline.riskScore() + " outside the borderline band "
                    + borderlineLow + "-" + borderlineHigh;
        } else if (llm.disabled()) {
            // LLM_PROVIDER=none: nothing leaves the service, so no prompt is built (no redaction needed).
            outcome = llm.assess("", "");
        } else {
            prompt = PromptAssembler.assemble(p, scores, shock, s.prompt());
            outcome = llm.assess(prompt.prompt().system(), prompt.prompt().user());
        }
        java.util.Map<String, Integer> redactions = prompt == null ? java.util.Map.of() : prompt.redactions();
        List<String> injectionFlags = prompt == null ? List.of() : prompt.injectionFlags();
        LlmPrediction prediction = outcome instanceof LlmOutcome.Success ok ? ok.prediction() : null;
        LlmView view = prediction == null ? null : new LlmView(prediction.riskScore(),
                prediction.prediction().priority(), prediction.prediction().sepsisProbability6h());
        GuardrailDecision d = GuardrailEngine.decide(s.guardrail(), a, view, baseline.riskScore());

        String status;
        String degradedReason = null;
        String decidedBy;
        if (prediction != null) {
            status = "success";
            decidedBy = d.raised() ? "llm+guardrail_override" : "llm";
        } else if (skipped != null) {
            status = "success";
            decidedBy = "ml_baseline+guardrail";
        } else {
            status = "degraded";
            degradedReason = ((LlmOutcome.Degraded) outcome).reasonCode();
            decidedBy = "ml_baseline+guardrail";
        }
        String rationale = prediction != null ? prediction.prediction().clinicalRationale()
                : deterministicRationale(skipped != null ? skipped : "LLM unavailable (" + degradedReason + ")",
                baseline, a);
        GenaiResult.Llm llmView = llmView(outcome);
        GenaiResult r = new GenaiResult(requestId, p.patientId(), status, degradedReason, decidedBy, d.riskScore(),
                d.priority().wire(), d.sepsisProbability6h().wire(),
                prediction == null ? null : prediction.prediction().confidenceLevel().wire(), rationale,
                d.alertLevel().name(), d.alertColor(), d.actionRequired(), d.guardrailOverride(), overrideReasons(d, a),
                d.escalations(), d.llmInitialRiskScore(), d.nearMiss(), describe(a.earlyWarnings()),
                a.historyContext(), discordance(a.discordance()), breaches(a.breaches()), differentials(a),
                ScoresView.of(scores), new GenaiResult.MlBaseline(baseline.probability(), baseline.riskScore(),
                baseline.level().name(), s.ml().modelVersion(), s.ml().thresholds().version()),
                redactions, injectionFlags, d.guardrailVersion(), s.prompt().version(), llmView,
                p.warnings(), elapsedMs(start));
        audit.record(new DecisionAudit.Entry(requestId, patientHash, status, degradedReason, decidedBy,
                llm.provider(), llm.model(), s.prompt().version(), d.guardrailVersion(), s.ml().modelVersion(),
                d.llmInitialRiskScore(), d.riskScore(), d.alertLevel().name(), d.guardrailOverride(),
                d.overrideRuleIds(), d.escalatedBy(), d.nearMiss(),
                ruleIds(a), categories(a.discordance()), injectionFlags, sum(redactions.values()),
                llmView == null ? 0 : llmView.latencyMs(), llmView == null ? null : llmView.inputTokens(),
                llmView == null ? null : llmView.outputTokens(), r.totalProcessingTimeMs(),
                llmView == null ? 0 : llmView.attempts()));
        return r;
    }

    /**
     * The contract's {@code override_reasons}: every breached rule, always, whether or not it changed the risk —
     * the guardrail's trigger reasons first, then informational breaches.
     */
    private static List<String> overrideReasons(GuardrailDecision d, GuardrailAssessment a) {
        List<String> out = new ArrayList<>(d.overrideReasons());
        for (RuleBreach b : a.breaches()) {
            if (b.role() == io.sepsis.guardrail.Role.INFO) {
                out.add(b.id() + ": " + b.describe() + " (informational)");
            }
        }
        return out;
    }

    private static GenaiResult.Llm llmView(LlmOutcome o) {
        if (o instanceof LlmOutcome.Success ok) {
            return new GenaiResult.Llm(ok.provider(), ok.model(), ok.latencyMs(), ok.inputTokens(), ok.outputTokens(),
                    ok.attempts(), ok.reasked());
        }
        if (o instanceof LlmOutcome.Degraded dg && dg.attempts() > 0) {
            return new GenaiResult.Llm(dg.provider(), dg.model(), dg.latencyMs(), dg.inputTokens(), dg.outputTokens(),
                    dg.attempts(), null);
        }
        return null;
    }

    private static String deterministicRationale(String why, Classification baseline, GuardrailAssessment a) {
        StringBuilder sb = new StringBuilder(why).append(". Deterministic result: ML risk ")
                .append(baseline.riskScore()).append(" (").append(baseline.level()).append(')');
        if (!a.breaches().isEmpty()) {
            sb.append("; ").append(a.breaches().size()).append(" guardrail rule(s) breached");
        }
        if (!a.criteriaMet().isEmpty()) {
            sb.append("; criteria met: ").append(String.join(", ", describe(a.criteriaMet())));
        }
        return sb.append('.').toString();
    }

    private static List<String> describe(List<CriterionResult> list) {
        List<String> out = new ArrayList<>(list.size());
        for (CriterionResult c : list) {
            out.add(c.describe());
        }
        return out;
    }

    private static List<GenaiResult.Discordance> discordance(List<NoteFinding> findings) {
        List<GenaiResult.Discordance> out = new ArrayList<>(findings.size());
        for (NoteFinding f : findings) {
            out.add(new GenaiResult.Discordance(f.category(), f.categoryLabel(), f.phrase()));
        }
        return out;
    }

    private static List<GenaiResult.Breach> breaches(List<RuleBreach> list) {
        List<GenaiResult.Breach> out = new ArrayList<>(list.size());
        for (RuleBreach b : list) {
            out.add(new GenaiResult.Breach(b.id(), b.category().wire(), b.describe(), b.actual(), b.unit(),
                    b.role().wire(), b.source()));
        }
        return out;
    }

    private static List<String> differentials(GuardrailAssessment a) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (DifferentialResult d : a.differentials()) {
            out.addAll(d.diagnoses());
        }
        return List.copyOf(out);
    }

    private static List<String> ruleIds(GuardrailAssessment a) {
        List<String> out = new ArrayList<>(a.breaches().size() + a.criteriaMet().size());
        for (RuleBreach b : a.breaches()) {
            out.add(b.id());
        }
        for (CriterionResult c : a.criteriaMet()) {
            out.add(c.id());
        }
        for (CriterionResult c : a.earlyWarnings()) {
            out.add(c.id());
        }
        return out;
    }

    private static List<String> categories(List<NoteFinding> findings) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (NoteFinding f : findings) {
            out.add(f.category());
        }
        return List.copyOf(out);
    }

    private static int sum(Iterable<Integer> v) {
        int s = 0;
        for (int i : v) {
            s += i;
        }
        return s;
    }

    static double elapsedMs(long start) {
        return Math.round((System.nanoTime() - start) / 1e3) / 1e3;
    }
}
