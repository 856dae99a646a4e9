package io.sepsis.genai.prompt;

import io.sepsis.clinical.SepticShockCriteria;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.genai.preprocess.GenaiPatient;
import io.sepsis.genai.redaction.PhiRedactor;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the prompt for one patient in the only safe order: normalise the untrusted text ({@link UntrustedText}),
 * scan it for instruction-like content (notes and history strings, before redaction changes them), redact
 * identifiers from the notes, build the narrative from validated numbers and scores, render with one template
 * snapshot. The patient id never enters. Plain Java, thread-safe, a few tens of microseconds per patient.
 *
 * <pre>{@code
 * GenaiPatient p = GenaiRequestParser.parse(body);
 * ClinicalScores scores = ClinicalScores.compute(p.latest(), alteredMentationFromNotes);
 * AssembledPrompt a = PromptAssembler.assemble(p, scores, SepticShockCriteria.evaluate(p.latest()),
 *         promptStore.current().orElseThrow());
 * llm.call(a.prompt().system(), a.prompt().user());
 * }</pre>
 */
public final class PromptAssembler {
    private PromptAssembler() {
    }

    public static AssembledPrompt assemble(GenaiPatient p, ClinicalScores scores, SepticShockCriteria shock,
                                           PromptTemplate template) {
        String notes = p.hasNotes() ? UntrustedText.clean(p.notes()) : null;
        List<String> scanned = new ArrayList<>(1 + p.conditions().size() + p.medications().size());
        scanned.add(notes);
        scanned.addAll(p.conditions());
        scanned.addAll(p.medications());
        List<String> flags = InjectionDetector.scanAll(scanned);
        PhiRedactor.Redaction redaction = PhiRedactor.redact(notes);
        String narrative = ClinicalNarrative.build(p, scores, shock);
        RenderedPrompt prompt = template.render(narrative, redaction.text(), flags);
        return new AssembledPrompt(prompt, redaction.counts(), flags);
    }
}
