package io.sepsis.guardrail.text;

/**
 * A small suffix stripper so that the inflections clinicians write meet the phrase as configured: "mottled",
 * "mottling", "mottle" -> {@code mottl}; "confused", "confusion" -> {@code confus}; "lethargic", "lethargy" ->
 * {@code letharg}; "dyspnea", "dyspnoea", "dyspneic" -> {@code dyspn}; "agitated", "agitation" -> {@code agit}.
 *
 * <p>It is not an English stemmer: it only has to map a note word and a configured word to the same key when they
 * are inflections of each other, and both sides go through it. One suffix is removed (longest listed first, keeping
 * at least 3 letters), a doubled final consonant is undoubled ("bobbing" -> bob), then trailing vowels are dropped
 * while the stem is longer than 4 letters. Words of up to 3 letters (and abbreviations) are left alone.
 */
public final class Stemmer {
    private static final String[] SUFFIX = {"iness", "ically", "ations", "ation", "ities", "ity", "ences", "ence",
        "ness", "ions", "ion", "ating", "ated", "ings", "ing", "ies", "ied", "ive", "ally", "ical", "ic", "al", "ed",
        "es", "s"};
    private static final String[] REPLACE = {"", "", "", "", "", "", "ent", "ent",
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
        "", ""};
    /** Per last letter, the indexes of the suffixes ending in it, in list order (the order decides). */
    private static final int[][] BY_LAST = new int[128][];

    static {
        for (char c = 0; c < 128; c++) {
            int n = 0;
            int[] idx = new int[SUFFIX.length];
            for (int i = 0; i < SUFFIX.length; i++) {
                if (SUFFIX[i].charAt(SUFFIX[i].length() - 1) == c) {
                    idx[n++] = i;
                }
            }
            BY_LAST[c] = java.util.Arrays.copyOf(idx, n);
        }
    }

    private static final int MIN_STEM = 3;
    private static final int[] EMPTY = {};

    private Stemmer() {
    }

    /** The key of a lower-case word. */
    public static String stem(String w) {
        int n = w.length();
        if (n <= MIN_STEM) {
            return w;
        }
        String s = w;
        char lastChar = w.charAt(n - 1);
        int[] candidates = lastChar < 128 ? BY_LAST[lastChar] : EMPTY;
        for (int i : candidates) {
            String suf = SUFFIX[i];
            if (!s.endsWith(suf)) {
                continue;
            }
            int keep = n - suf.length();
            if (keep + REPLACE[i].length() < MIN_STEM) {
                continue;
            }
            if (suf.equals("s")) {
                char before = s.charAt(keep - 1);
                if (before == 's' || before == 'u' || before == 'i') {
                    break; // distress, bolus, cyanosis, status, dialysis
                }
            }
            s = REPLACE[i].isEmpty() ? s.substring(0, keep) : s.substring(0, keep) + REPLACE[i];
            break;
        }
        int m = s.length();
        if (m >= 4) {
            char last = s.charAt(m - 1);
            if (last == s.charAt(m - 2) && !isVowel(last) && last != 'l' && last != 's' && last != 'z') {
                s = s.substring(0, m - 1);
            }
        }
        int end = s.length();
        while (end > 4 && isVowel(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
