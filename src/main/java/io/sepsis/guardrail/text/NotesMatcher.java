package io.sepsis.guardrail.text;

import io.sepsis.guardrail.NoteFinding;
import io.sepsis.guardrail.Num;
import io.sepsis.guardrail.Operator;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes-discordance categories compiled against one {@link TextIndex}: phrase lists, numbers in text, and the
 * new-onset rule of the mental-status category. Immutable and thread-safe; {@link #scan} allocates only per call.
 */
public final class NotesMatcher {
    /** Tokens after a numeric rule's subject within which its number must appear ("urine output has been 10"). */
    static final int NUMBER_DISTANCE = 6;

    /**
     * A number stated in the notes after a subject ("cap refill 4 seconds", "urine output 10 mL/hr"), concerning
     * when it is certainly beyond the threshold: "4" and "> 3" fire for {@code > 3}; "< 2" and "3" do not. A range
     * "3-4" fires when either end does. Without a unit the rule fires only when {@code unitOptional}.
     */
    public record NumericRule(String id, String label, List<String> subjects, List<Integer> subjectPhrases,
                              Operator operator, double value, String unit, List<String> unitSpellings,
                              List<Integer> unitSpellingIds, boolean unitOptional, String rationale, String source) {
        public NumericRule {
            subjects = List.copyOf(subjects);
            subjectPhrases = List.copyOf(subjectPhrases);
            unitSpellings = List.copyOf(unitSpellings);
            unitSpellingIds = List.copyOf(unitSpellingIds);
        }
    }

    /**
     * Mental status counts only when new: not when a {@code baselineHistory} check matched or the sentence says
     * "baseline"/"chronic", unless the sentence says it is new or worse ("new confusion", "more confused").
     */
    public record NewOnset(List<String> baselineHistory, List<Integer> baselineHistoryIndexes,
                           List<String> baselineCues, List<String> newCues, int baselineGroup, int newGroup) {
        public NewOnset {
            baselineHistory = List.copyOf(baselineHistory);
            baselineHistoryIndexes = List.copyOf(baselineHistoryIndexes);
            baselineCues = List.copyOf(baselineCues);
            newCues = List.copyOf(newCues);
        }
    }

    public record Category(String id, String label, List<String> phrases, List<Integer> phraseIds,
                           List<NumericRule> numeric, boolean setsAlteredMentation, NewOnset newOnset) {
        public Category {
            phrases = List.copyOf(phrases);
            phraseIds = List.copyOf(phraseIds);
            numeric = List.copyOf(numeric);
        }
    }

    /** Result of one scan. */
    public record Scan(List<NoteFinding> findings, List<NoteFinding> negated, boolean alteredMentation,
                       boolean truncated) {
        public static final Scan EMPTY = new Scan(List.of(), List.of(), false, false);
    }

    private final TextIndex index;
    private final List<Category> categories;
    private final int[][] phraseIds;
    private final int[][][] numericSubjects;
    private final int[][][] numericUnits;

    public NotesMatcher(TextIndex index, List<Category> categories) {
        this.index = index;
        this.categories = List.copyOf(categories);
        int n = categories.size();
        phraseIds = new int[n][];
        numericSubjects = new int[n][][];
        numericUnits = new int[n][][];
        for (int c = 0; c < n; c++) {
            Category cat = categories.get(c);
            phraseIds[c] = cat.phraseIds().stream().mapToInt(Integer::intValue).toArray();
            numericSubjects[c] = new int[cat.numeric().size()][];
            numericUnits[c] = new int[cat.numeric().size()][];
            for (int r = 0; r < cat.numeric().size(); r++) {
                NumericRule rule = cat.numeric().get(r);
                numericSubjects[c][r] = rule.subjectPhrases().stream().mapToInt(Integer::intValue).toArray();
                numericUnits[c][r] = rule.unitSpellingIds().stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    public List<Category> categories() {
        return categories;
    }

    /** Index of the category with this id, or -1. */
    public int categoryIndex(String id) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Scans one note.
     *
     * @param historyMatched per history check (configuration order), whether it matched
     * @param historyLabels  per history check, its label (for the "may be baseline" qualifier)
     */
    public Scan scan(String notes, boolean[] historyMatched, List<String> historyLabels) {
        if (notes == null || notes.isBlank()) {
            return Scan.EMPTY;
        }
        TextIndex.Tokens t = index.tokenize(notes);
        List<NoteFinding> findings = new ArrayList<>();
        List<NoteFinding> negated = new ArrayList<>();
        boolean altered = false;
        int[] spanStart = new int[8];
        int[] spanEnd = new int[8];
        String[] phrase = new String[8];
        String[] stated = new String[8];
        for (int c = 0; c < categories.size(); c++) {
            Category cat = categories.get(c);
            int found = 0;
            for (int p : phraseIds[c]) {
                TextIndex.Hit h = index.find(t, p);
                if (h == null) {
                    continue;
                }
                if (h.negated()) {
                    negated.add(new NoteFinding(cat.id(), cat.label(), index.phraseText(p), null, false, "negated"));
                    continue;
                }
                if (found == spanStart.length) {
                    spanStart = java.util.Arrays.copyOf(spanStart, found * 2);
                    spanEnd = java.util.Arrays.copyOf(spanEnd, found * 2);
                    phrase = java.util.Arrays.copyOf(phrase, found * 2);
                    stated = java.util.Arrays.copyOf(stated, found * 2);
                }
                spanStart[found] = h.start();
                spanEnd[found] = h.end();
                phrase[found] = index.phraseText(p);
                stated[found] = null;
                found++;
            }
            for (int r = 0; r < cat.numeric().size(); r++) {
                NumericRule rule = cat.numeric().get(r);
                TextIndex.Hit hit = null;
                String value = null;
                for (int subject : numericSubjects[c][r]) {
                    for (TextIndex.Hit h : index.findAll(t, subject)) {
                        if (h.negated()) {
                            continue;
                        }
                        TextIndex.Stated s = index.readNumber(t, h.end() + 1, NUMBER_DISTANCE);
                        if (s == null) {
                            continue;
                        }
                        boolean unit = numericUnits[c][r].length > 0 && s.next() < t.size()
                                && index.unitAt(t, s.next(), numericUnits[c][r]);
                        if (!unit && !rule.unitOptional()) {
                            continue;
                        }
                        double v = concerningValue(s, rule.operator(), rule.value());
                        if (!Double.isNaN(v)) {
                            hit = new TextIndex.Hit(h.start(), s.next() - 1, false);
                            value = (s.op() == null ? "" : s.op().symbol() + " ") + Num.fmt(s.value())
                                    + (s.isRange() ? "-" + Num.fmt(s.high()) : "");
                            break;
                        }
                    }
                    if (hit != null) {
                        break;
                    }
                }
                if (hit != null) {
                    if (found == spanStart.length) {
                        spanStart = java.util.Arrays.copyOf(spanStart, found * 2);
                        spanEnd = java.util.Arrays.copyOf(spanEnd, found * 2);
                        phrase = java.util.Arrays.copyOf(phrase, found * 2);
                        stated = java.util.Arrays.copyOf(stated, found * 2);
                    }
                    spanStart[found] = hit.start();
                    spanEnd[found] = hit.end();
                    phrase[found] = rule.label();
                    stated[found] = value;
                    found++;
                }
            }
            for (int i = 0; i < found; i++) {
                if (subsumed(i, found, spanStart, spanEnd)) {
                    continue; // "mottling" inside "mottled skin": report the longer phrase once
                }
                boolean counted = true;
                String qualifier = null;
                NewOnset no = cat.newOnset();
                if (no != null) {
                    boolean isNew = index.markerInSentence(t, no.newGroup(), spanStart[i]);
                    String baselineHistory = null;
                    for (int h : no.baselineHistoryIndexes()) {
                        if (historyMatched[h]) {
                            baselineHistory = historyLabels.get(h);
                            break;
                        }
                    }
                    boolean baselineCue = index.markerInSentence(t, no.baselineGroup(), spanStart[i]);
                    if (isNew) {
                        qualifier = baselineHistory != null ? "new or worse despite history of " + baselineHistory
                                : "new or worse per notes";
                    } else if (baselineHistory != null) {
                        counted = false;
                        qualifier = "may be baseline: history of " + baselineHistory;
                    } else if (baselineCue) {
                        counted = false;
                        qualifier = "baseline per notes";
                    }
                }
                findings.add(new NoteFinding(cat.id(), cat.label(), phrase[i], stated[i], counted, qualifier));
                altered |= counted && cat.setsAlteredMentation();
            }
        }
        return new Scan(List.copyOf(findings), List.copyOf(negated), altered, t.truncated());
    }

    private static boolean subsumed(int i, int n, int[] start, int[] end) {
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            boolean inside = start[j] <= start[i] && end[i] <= end[j];
            boolean larger = end[j] - start[j] > end[i] - start[i];
            if (inside && (larger || j < i && end[j] - start[j] == end[i] - start[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stated value that makes the rule fire, or NaN. A bound ("< 2", "> 3") fires only when every value it
     * allows satisfies the rule; a range fires when either end does.
     */
    static double concerningValue(TextIndex.Stated s, Operator rule, double threshold) {
        double v = s.value();
        if (s.isRange()) {
            if (rule.test(v, threshold)) {
                return v;
            }
            return rule.test(s.high(), threshold) ? s.high() : Double.NaN;
        }
        if (s.op() == null) {
            return rule.test(v, threshold) ? v : Double.NaN;
        }
        boolean certain;
        switch (s.op()) {
            case LT: // stated (-inf, v)
                certain = (rule == Operator.LT || rule == Operator.LE) && v <= threshold;
                break;
            case LE: // stated (-inf, v]
                certain = rule == Operator.LT ? v < threshold : rule == Operator.LE && v <= threshold;
                break;
            case GT: // stated (v, inf)
                certain = (rule == Operator.GT || rule == Operator.GE) && v >= threshold;
                break;
            case GE: // stated [v, inf)
                certain = rule == Operator.GT ? v > threshold : rule == Operator.GE && v >= threshold;
                break;
            default:
                certain = rule.test(v, threshold);
        }
        return certain ? v : Double.NaN;
    }
}
