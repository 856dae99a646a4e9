package io.sepsis.genai.prompt;

import java.util.List;
import java.util.Map;

/**
 * A prompt ready to send, with what was done to the input on the way (for the response, logs and metrics: counts and
 * category names only, never values).
 *
 * @param prompt         system and user messages, and the prompt version
 * @param redactions     identifiers replaced in the notes, per kind ({@link io.sepsis.genai.redaction.PhiRedactor})
 * @param injectionFlags instruction-like text found in the notes or history ({@link InjectionDetector})
 */
public record AssembledPrompt(RenderedPrompt prompt, Map<String, Integer> redactions, List<String> injectionFlags) {
    public AssembledPrompt {
        redactions = Map.copyOf(redactions);
        injectionFlags = List.copyOf(injectionFlags);
    }
}
