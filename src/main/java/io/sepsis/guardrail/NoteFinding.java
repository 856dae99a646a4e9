package io.sepsis.guardrail;

/**
 * A concerning finding in the notes: the category and the phrase as configured (never the note's own text).
 *
 * @param stated      for a numeric rule, the number as the note stated it ("10", "> 3", "3-4"); else null
 * @param counted     false when the finding does not count (mental status that may be baseline); it then raises
 *                    nothing but is still shown
 * @param qualifier   why it does or does not count ("may be baseline: baseline cognitive impairment"), or null
 */
public record NoteFinding(String category, String categoryLabel, String phrase, String stated, boolean counted,
                          String qualifier) {

    /** E.g. {@code hypoperfusion: "mottled skin"}, {@code reduced urine output: "urine output < 30 mL/h" (stated: 10)}. */
    public String describe() {
        return categoryLabel + ": \"" + phrase + "\"" + (stated == null ? "" : " (stated: " + stated + ")")
                + (qualifier == null ? "" : " - " + qualifier);
    }
}
