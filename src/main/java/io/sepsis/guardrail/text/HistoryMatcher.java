package io.sepsis.guardrail.text;

import java.util.List;

/**
 * History terms compiled against one {@link TextIndex} (same lexing, inflections and negation as the notes, no
 * abbreviation expansion). Immutable and thread-safe.
 */
public final class HistoryMatcher {
    private final TextIndex index;
    private final int[][] terms;
    private final int[][] excludes;
    private final boolean[] conditions;
    private final boolean[] medications;

    /**
     * @param terms       per check, phrase ids of its terms
     * @param excludes    per check, phrase ids of its exclude terms
     * @param conditions  per check, whether it searches the conditions
     * @param medications per check, whether it searches the medications
     */
    public HistoryMatcher(TextIndex index, int[][] terms, int[][] excludes, boolean[] conditions,
                          boolean[] medications) {
        this.index = index;
        this.terms = deepCopy(terms);
        this.excludes = deepCopy(excludes);
        this.conditions = conditions.clone();
        this.medications = medications.clone();
    }

    public int size() {
        return terms.length;
    }

    /** Fills {@code matchedTerm[check]} with the configured term that matched, or leaves it null. */
    public void match(List<String> conditionItems, List<String> medicationItems, String[] matchedTerm) {
        scan(conditionItems, conditions, matchedTerm);
        scan(medicationItems, medications, matchedTerm);
    }

    private void scan(List<String> items, boolean[] searches, String[] matchedTerm) {
        for (String item : items) {
            TextIndex.Tokens t = null;
            for (int c = 0; c < terms.length; c++) {
                if (!searches[c] || matchedTerm[c] != null) {
                    continue;
                }
                if (t == null) {
                    t = index.tokenize(item);
                }
                if (excluded(t, c)) {
                    continue;
                }
                for (int p : terms[c]) {
                    TextIndex.Hit h = index.find(t, p);
                    if (h != null && !h.negated()) {
                        matchedTerm[c] = index.phraseText(p);
                        break;
                    }
                }
            }
        }
    }

    private boolean excluded(TextIndex.Tokens t, int c) {
        for (int p : excludes[c]) {
            TextIndex.Hit h = index.find(t, p);
            if (h != null && !h.negated()) {
                return true;
            }
        }
        return false;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
