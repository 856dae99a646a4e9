package io.sepsis.guardrail.text;

import io.sepsis.guardrail.Operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases, negation cues, comparators and marker words compiled once (at configuration load) into integer
 * vocabularies, so that scanning a note costs one lexing pass plus a few array look-ups per phrase: no regular
 * expression is compiled or run per request.
 *
 * <p><b>Phrase matching.</b> A phrase is the set of its content words (stop words removed), each reduced by
 * {@link Stemmer}. It matches when all of them occur in one clause within a window of (number of words + the
 * configured extra tokens) positions, in any order: "skin mottled over knees" matches "mottled skin". A phrase
 * whose first word is itself a negation cue ("no urine output") must occur in that order. Abbreviations are expanded
 * before matching ("increased WOB" -> increased work of breathing).
 *
 * <p><b>Negation.</b> A match is negated when a pre-cue ("no", "denies", "without", "negative for", ...) ends at
 * most {@code maxPreDistance} tokens before it (or inside it), or a post-cue ("absent", "resolved", ...) starts at most
 * {@code maxPostDistance} tokens after it in the same clause. A pre-cue's scope ends at clause and sentence
 * punctuation and at a terminator word ("but", "however", or a word starting a new predicate such as "is",
 * "appears"): in "no fever, lethargic", "no fever but lethargic" and "denies pain and appears confused" the finding is
 * not negated.
 */
public final class TextIndex {
    private static final int PRE_CUE = 0;
    private static final int POST_CUE = 1;
    private static final int TERMINATOR = 2;
    private static final int COMPARATOR = 3;
    private static final int FIRST_MARKER_GROUP = 4;
    private static final int MAX_GROUPS = 31;

    static final int WORD = 0;
    static final int NUMBER = 1;
    static final int SYMBOL = 2;

    private final Map<String, Integer> stemIds;
    private final Map<String, Integer> rawIds;
    private final Expansion[] expansionByRaw;
    private final int[][] seqTokens;
    private final int[] seqGroup;
    private final Operator[] seqOperator;
    private final int[][] seqsByFirstRaw;
    private final int[][] phraseTokens;
    private final boolean[] phraseOrdered;
    private final String[] phraseText;
    private final int[][] unitSpellings;
    private final int rangeRawId;
    private final int extraWindow;
    private final int maxPre;
    private final int maxPost;
    private final int maxChars;

    private record Expansion(String[] raw, String[] stems) {
    }

    /** A phrase occurrence: token positions (inclusive) and whether it is negated. */
    public record Hit(int start, int end, boolean negated) {
    }

    /** A number stated in text: {@code op} null for a plain value; {@code high} NaN unless a range "a-b". */
    public record Stated(Operator op, double value, double high, int next) {
        public boolean isRange() {
            return !Double.isNaN(high);
        }
    }

    private TextIndex(Builder b) {
        // private, never mutated after construction, published through final fields: HashMap look-ups are the
        // per-word hot path and are faster than Map.copyOf's probing
        this.stemIds = new HashMap<>(b.stemIds);
        this.rawIds = new HashMap<>(b.rawIds);
        this.expansionByRaw = new Expansion[rawIds.size()];
        for (Map.Entry<String, Expansion> e : b.abbreviations.entrySet()) {
            expansionByRaw[rawIds.get(e.getKey())] = e.getValue();
        }
        int nSeq = b.seqTokens.size();
        this.seqTokens = b.seqTokens.toArray(new int[0][]);
        this.seqGroup = new int[nSeq];
        this.seqOperator = new Operator[nSeq];
        for (int i = 0; i < nSeq; i++) {
            seqGroup[i] = b.seqGroup.get(i);
            seqOperator[i] = b.seqOperator.get(i);
        }
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int i = 0; i < rawIds.size(); i++) {
            byFirst.add(null);
        }
        for (int i = 0; i < nSeq; i++) {
            int first = seqTokens[i][0];
            if (byFirst.get(first) == null) {
                byFirst.set(first, new ArrayList<>());
            }
            byFirst.get(first).add(i);
        }
        this.seqsByFirstRaw = new int[rawIds.size()][];
        for (int r = 0; r < byFirst.size(); r++) {
            List<Integer> l = byFirst.get(r);
            if (l != null) {
                // longest first, so a longer cue or comparator ("no more than") wins over its prefix ("no")
                l.sort((x, y) -> seqTokens[y].length - seqTokens[x].length);
                seqsByFirstRaw[r] = l.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        this.phraseTokens = b.phraseTokens.toArray(new int[0][]);
        this.phraseOrdered = new boolean[phraseTokens.length];
        for (int i = 0; i < phraseOrdered.length; i++) {
            phraseOrdered[i] = b.preCueFirstWords.contains(b.phraseFirstWord.get(i));
        }
        this.phraseText = b.phraseText.toArray(new String[0]);
        this.unitSpellings = b.unitSpellings.toArray(new int[0][]);
        this.rangeRawId = rawIds.get(Lexer.RANGE);
        this.extraWindow = b.extraWindow;
        this.maxPre = b.maxPre;
        this.maxPost = b.maxPost;
        this.maxChars = b.maxChars;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String phraseText(int phrase) {
        return phraseText[phrase];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scanning
    // ---------------------------------------------------------------------------------------------------------------

    /** The tokens of one text, with per-position cue flags and an index of word positions. */
    public final class Tokens {
        int n;
        int[] kind;
        int[] stem;
        int[] raw;
        double[] num;
        int[] clause;
        int[] scope;
        int[] sentence;
        int[] startsMask;
        int[] endsMask;
        int[] comparatorEnd;
        Operator[] comparatorOp;
        int[] head;
        int[] next;
        final boolean truncated;

        Tokens(CharSequence text) {
            int len = text.length();
            truncated = len > maxChars;
            if (truncated) {
                len = maxChars;
            }
            int cap = Math.max(16, len / 3);
            kind = new int[cap];
            stem = new int[cap];
            raw = new int[cap];
            num = new double[cap];
            clause = new int[cap];
            sentence = new int[cap];
            Lexer.lex(text, len, new Lexer.Sink() {
                int clauseNo;
                int sentenceNo;

                @Override
                public void word(String lower) {
                    int r = idOf(rawIds, lower);
                    Expansion e = r >= 0 ? expansionByRaw[r] : null;
                    if (e != null) {
                        for (int k = 0; k < e.raw.length; k++) {
                            add(WORD, idOf(stemIds, e.stems[k]), idOf(rawIds, e.raw[k]), Double.NaN);
                        }
                    } else {
                        add(WORD, idOf(stemIds, Stemmer.stem(lower)), r, Double.NaN);
                    }
                }

                @Override
                public void number(double value) {
                    add(NUMBER, -1, -1, value);
                }

                @Override
                public void symbol(String symbol) {
                    add(SYMBOL, -1, idOf(rawIds, symbol), Double.NaN);
                }

                @Override
                public void clauseBreak() {
                    clauseNo++;
                }

                @Override
                public void sentenceBreak() {
                    clauseNo++;
                    sentenceNo++;
                }

                private void add(int k, int s, int r, double v) {
                    if (n == kind.length) {
                        grow();
                    }
                    kind[n] = k;
                    stem[n] = s;
                    raw[n] = r;
                    num[n] = v;
                    clause[n] = clauseNo;
                    sentence[n] = sentenceNo;
                    n++;
                }
            });
            markSequences();
            index();
        }

        public boolean truncated() {
            return truncated;
        }

        public int size() {
            return n;
        }

        private void grow() {
            int cap = kind.length * 2;
            kind = Arrays.copyOf(kind, cap);
            stem = Arrays.copyOf(stem, cap);
            raw = Arrays.copyOf(raw, cap);
            num = Arrays.copyOf(num, cap);
            clause = Arrays.copyOf(clause, cap);
            sentence = Arrays.copyOf(sentence, cap);
        }

        private void markSequences() {
            startsMask = new int[n];
            endsMask = new int[n];
            comparatorEnd = new int[n];
            comparatorOp = new Operator[n];
            scope = new int[n];
            Arrays.fill(comparatorEnd, -1);
            for (int i = 0; i < n; i++) {
                int r = raw[i];
                if (r < 0 || seqsByFirstRaw[r] == null) {
                    continue;
                }
                for (int q : seqsByFirstRaw[r]) {
                    int[] seq = seqTokens[q];
                    int end = i + seq.length - 1;
                    if (end >= n || clause[end] != clause[i]) {
                        continue;
                    }
                    boolean same = true;
                    for (int k = 1; k < seq.length && same; k++) {
                        same = raw[i + k] == seq[k];
                    }
                    if (!same) {
                        continue;
                    }
                    int bit = 1 << seqGroup[q];
                    startsMask[i] |= bit;
                    endsMask[end] |= bit;
                    if (seqGroup[q] == COMPARATOR && comparatorEnd[i] < 0) {
                        comparatorEnd[i] = end; // longest first
                        comparatorOp[i] = seqOperator[q];
                    }
                }
            }
            // scope: a new one after every clause break and after every terminator word ("but")
            // clause and offset never decrease along the text, so equal sums mean the same (clause, offset)
            int offset = 0;
            for (int i = 0; i < n; i++) {
                scope[i] = clause[i] + offset;
                if ((endsMask[i] & (1 << TERMINATOR)) != 0) {
                    offset++;
                }
            }
        }

        private void index() {
            head = new int[stemIds.size()];
            Arrays.fill(head, -1);
            next = new int[n];
            for (int i = n - 1; i >= 0; i--) {
                int s = stem[i];
                if (s >= 0) {
                    next[i] = head[s];
                    head[s] = i;
                }
            }
        }
    }

    /** Lexes a text (at most {@code max_chars} characters of it). */
    public Tokens tokenize(CharSequence text) {
        return new Tokens(text);
    }

    /**
     * The first non-negated occurrence of a phrase, else the first negated one, else null.
     */
    public Hit find(Tokens t, int phrase) {
        Hit negatedHit = null;
        for (int a = t.head[phraseTokens[phrase][0]]; a >= 0; a = t.next[a]) {
            Hit h = hitAt(t, phrase, a);
            if (h == null) {
                continue;
            }
            if (!h.negated) {
                return h;
            }
            if (negatedHit == null) {
                negatedHit = h;
            }
        }
        return negatedHit;
    }

    /** Every occurrence of a phrase (one per position of its first word), negated or not, in text order. */
    public List<Hit> findAll(Tokens t, int phrase) {
        List<Hit> out = null;
        for (int a = t.head[phraseTokens[phrase][0]]; a >= 0; a = t.next[a]) {
            Hit h = hitAt(t, phrase, a);
            if (h != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(h);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The occurrence anchored on the phrase's first word at position {@code a}, or null. */
    private Hit hitAt(Tokens t, int phrase, int a) {
        int[] toks = phraseTokens[phrase];
        int k = toks.length;
        boolean ordered = phraseOrdered[phrase];
        int lo = a;
        int hi = a;
        for (int j = 1; j < k; j++) {
            int best = -1;
            int bestDist = Integer.MAX_VALUE;
            for (int q = t.head[toks[j]]; q >= 0; q = t.next[q]) {
                if (t.clause[q] != t.clause[a] || ordered && q <= a) {
                    if (q > a) {
                        break;
                    }
                    continue;
                }
                int d = Math.abs(q - a);
                if (d < bestDist) {
                    best = q;
                    bestDist = d;
                } else if (q > a) {
                    break;
                }
            }
            if (best < 0) {
                return null;
            }
            lo = Math.min(lo, best);
            hi = Math.max(hi, best);
        }
        if (hi - lo + 1 > k + extraWindow) {
            return null;
        }
        return new Hit(lo, hi, negated(t, lo, hi, ordered ? a : -1));
    }

    private boolean negated(Tokens t, int lo, int hi, int ownCue) {
        int sc = t.scope[hi];
        int preBit = 1 << PRE_CUE;
        for (int j = Math.max(0, lo - 1 - maxPre); j < hi; j++) {
            if ((t.endsMask[j] & preBit) != 0 && j != ownCue && t.scope[j] == sc) {
                return true;
            }
        }
        // post-cues keep the clause: in "confusion is resolved" the terminator "is" must not hide "resolved"
        int postBit = 1 << POST_CUE;
        int clause = t.clause[hi];
        for (int j = hi + 1; j < t.n && j <= hi + 1 + maxPost; j++) {
            if (t.clause[j] != clause) {
                break;
            }
            if ((t.startsMask[j] & postBit) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first number within {@code maxDistance} tokens after position {@code from - 1} in the same clause, with a
     * comparator in front of it if there is one ("cap refill < 2 seconds", "less than 2", "2-3 s").
     */
    public Stated readNumber(Tokens t, int from, int maxDistance) {
        if (from <= 0 || from >= t.n) {
            return null;
        }
        int clause = t.clause[from - 1];
        Operator op = null;
        int limit = Math.min(t.n, from + maxDistance);
        for (int i = from; i < limit; i++) {
            if (t.clause[i] != clause) {
                return null;
            }
            if (t.kind[i] == NUMBER) {
                double high = Double.NaN;
                int end = i;
                if (i + 2 < t.n && t.raw[i + 1] == rangeRawId && t.kind[i + 2] == NUMBER
                        && t.clause[i + 2] == clause) {
                    high = t.num[i + 2];
                    end = i + 2;
                }
                return new Stated(op, t.num[i], high, end + 1);
            }
            if (t.comparatorEnd[i] >= 0) {
                op = t.comparatorOp[i];
                limit = Math.min(t.n, limit + (t.comparatorEnd[i] - i));
                i = t.comparatorEnd[i];
            }
        }
        return null;
    }

    /** True when one of the unit spellings (ids from {@link Builder#unit}) starts at {@code pos}. */
    public boolean unitAt(Tokens t, int pos, int[] spellingIds) {
        for (int id : spellingIds) {
            int[] seq = unitSpellings[id];
            if (pos + seq.length > t.n || t.clause[pos + seq.length - 1] != t.clause[pos - 1 < 0 ? 0 : pos - 1]) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < seq.length && same; k++) {
                same = t.raw[pos + k] == seq[k];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** True when a word of the marker group occurs in the sentence of token {@code pos}. */
    public boolean markerInSentence(Tokens t, int group, int pos) {
        int bit = 1 << group;
        int s = t.sentence[pos];
        for (int i = pos; i >= 0 && t.sentence[i] == s; i--) {
            if ((t.startsMask[i] & bit) != 0) {
                return true;
            }
        }
        for (int i = pos + 1; i < t.n && t.sentence[i] == s; i++) {
            if ((t.startsMask[i] & bit) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int idOf(Map<String, Integer> ids, String key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Compilation
    // ---------------------------------------------------------------------------------------------------------------

    /** Collects the vocabulary; every method that takes configured text throws IllegalArgumentException on bad text. */
    public static final class Builder {
        private final Map<String, Integer> stemIds = new HashMap<>();
        private final Map<String, Integer> rawIds = new HashMap<>();
        private final Map<String, Expansion> abbreviations = new HashMap<>();
        private final List<int[]> seqTokens = new ArrayList<>();
        private final List<Integer> seqGroup = new ArrayList<>();
        private final List<Operator> seqOperator = new ArrayList<>();
        private final List<int[]> phraseTokens = new ArrayList<>();
        private final List<String> phraseFirstWord = new ArrayList<>();
        private final List<String> phraseText = new ArrayList<>();
        private final Map<String, Integer> phraseKeys = new HashMap<>();
        private final List<int[]> unitSpellings = new ArrayList<>();
        private final Set<String> stopStems = new java.util.HashSet<>();
        private final Set<String> preCueFirstWords = new java.util.HashSet<>();
        private int nextGroup = FIRST_MARKER_GROUP;
        private int extraWindow = 3;
        private int maxPre = 5;
        private int maxPost = 3;
        private int maxChars = 20_000;

        private Builder() {
            raw(Lexer.RANGE);
        }

        public Builder window(int extraTokens, int maxPreDistance, int maxPostDistance, int maxCharacters) {
            this.extraWindow = extraTokens;
            this.maxPre = maxPreDistance;
            this.maxPost = maxPostDistance;
            this.maxChars = maxCharacters;
            return this;
        }

        /** Stop words and abbreviations shape phrases: declare them before the first phrase. */
        public Builder stopWord(String word) {
            lexiconOpen();
            for (Lexed l : lexWords(word, "stop word")) {
                stopStems.add(l.stem);
            }
            return this;
        }

        /** An abbreviation (one word, case-insensitive) and what it stands for. */
        public Builder abbreviation(String abbreviation, String expansion) {
            lexiconOpen();
            List<Lexed> key = lexWords(abbreviation, "abbreviation");
            if (key.size() != 1) {
                throw new IllegalArgumentException("abbreviation '" + abbreviation + "' must be a single word");
            }
            List<Lexed> exp = lexWords(expansion, "expansion");
            if (exp.isEmpty()) {
                throw new IllegalArgumentException("expansion of '" + abbreviation + "' has no words");
            }
            String[] r = new String[exp.size()];
            String[] s = new String[exp.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = exp.get(i).raw;
                s[i] = exp.get(i).stem;
                stem(s[i]);
                raw(r[i]);
            }
            raw(key.get(0).raw);
            if (abbreviations.put(key.get(0).raw, new Expansion(r, s)) != null) {
                throw new IllegalArgumentException("abbreviation '" + abbreviation + "' is listed twice");
            }
            return this;
        }

        public Builder preCue(String text) {
            List<Lexed> l = sequence(text, PRE_CUE, null, "negation cue");
            preCueFirstWords.add(l.get(0).raw);
            return this;
        }

        public Builder postCue(String text) {
            sequence(text, POST_CUE, null, "negation cue");
            return this;
        }

        public Builder terminator(String text) {
            sequence(text, TERMINATOR, null, "scope terminator");
            return this;
        }

        public Builder comparator(Operator op, String text) {
            sequence(text, COMPARATOR, op, "comparator");
            return this;
        }

        /** A new group of marker words (e.g. "baseline", "chronic"); returns its id for {@link #markerInSentence}. */
        public int markerGroup(List<String> texts) {
            if (nextGroup >= MAX_GROUPS) {
                throw new IllegalArgumentException("too many marker groups");
            }
            int g = nextGroup++;
            for (String t : texts) {
                sequence(t, g, null, "marker word");
            }
            return g;
        }

        /** A unit spelling such as "mL/hr"; returns its id for {@link #unitAt}. */
        public int unit(String text) {
            List<Lexed> l = lexAll(text, "unit");
            int[] seq = new int[l.size()];
            for (int i = 0; i < seq.length; i++) {
                if (l.get(i).kind == NUMBER) {
                    throw new IllegalArgumentException("unit '" + text + "' must not contain a number");
                }
                seq[i] = raw(l.get(i).raw);
            }
            unitSpellings.add(seq);
            return unitSpellings.size() - 1;
        }

        /**
         * A phrase of words (no numbers, no comparators: those belong in numeric rules). Returns its id. Phrases
         * that normalise to the same words as an earlier phrase of the same {@code namespace} are refused: inflections
         * and word order match automatically.
         */
        public int phrase(String text, String namespace) {
            List<Lexed> words = lexWords(text, "phrase");
            LinkedHashSet<String> content = new LinkedHashSet<>();
            for (Lexed w : words) {
                if (!stopStems.contains(w.stem)) {
                    content.add(w.stem);
                }
            }
            if (content.isEmpty()) {
                throw new IllegalArgumentException("phrase '" + text + "' has no words besides stop words");
            }
            String key = namespace + "\u0000" + String.join(" ", new java.util.TreeSet<>(content));
            Integer earlier = phraseKeys.putIfAbsent(key, phraseText.size());
            if (earlier != null) {
                throw new IllegalArgumentException("phrase '" + text + "' matches the same words as '"
                        + phraseText.get(earlier) + "' (inflections and word order are matched automatically)");
            }
            int[] ids = new int[content.size()];
            int i = 0;
            for (String s : content) {
                ids[i++] = stem(s);
            }
            phraseTokens.add(ids);
            phraseFirstWord.add(words.get(0).raw);
            phraseText.add(text);
            return phraseTokens.size() - 1;
        }

        private void lexiconOpen() {
            if (!phraseText.isEmpty()) {
                throw new IllegalStateException("stop words and abbreviations must be declared before phrases");
            }
        }

        public TextIndex build() {
            return new TextIndex(this);
        }

        private record Lexed(int kind, String raw, String stem) {
        }

        private List<Lexed> sequence(String text, int group, Operator op, String what) {
            List<Lexed> l = lexAll(text, what);
            int[] seq = new int[l.size()];
            for (int i = 0; i < seq.length; i++) {
                if (l.get(i).kind == NUMBER) {
                    throw new IllegalArgumentException(what + " '" + text + "' must not contain a number");
                }
                seq[i] = raw(l.get(i).raw);
            }
            seqTokens.add(seq);
            seqGroup.add(group);
            seqOperator.add(op);
            return l;
        }

        private List<Lexed> lexWords(String text, String what) {
            List<Lexed> l = lexAll(text, what);
            for (Lexed x : l) {
                if (x.kind != WORD) {
                    throw new IllegalArgumentException(what + " '" + text + "' must contain words only (numbers and "
                            + "comparators belong in a numeric rule)");
                }
            }
            return l;
        }

        private List<Lexed> lexAll(String text, String what) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(what + " must be a non-empty string");
            }
            List<Lexed> out = new ArrayList<>();
            boolean[] broken = new boolean[1];
            Lexer.lex(text, text.length(), new Lexer.Sink() {
                @Override
                public void word(String lower) {
                    Expansion e = abbreviations.get(lower);
                    if (e != null && !what.equals("abbreviation")) {
                        for (int k = 0; k < e.raw.length; k++) {
                            out.add(new Lexed(WORD, e.raw[k], e.stems[k]));
                        }
                    } else {
                        out.add(new Lexed(WORD, lower, Stemmer.stem(lower)));
                    }
                }

                @Override
                public void number(double value) {
                    out.add(new Lexed(NUMBER, null, null));
                }

                @Override
                public void symbol(String symbol) {
                    out.add(new Lexed(SYMBOL, symbol, null));
                }

                @Override
                public void clauseBreak() {
                    broken[0] = true;
                }

                @Override
                public void sentenceBreak() {
                    broken[0] = true;
                }
            });
            if (broken[0]) {
                throw new IllegalArgumentException(what + " '" + text + "' must not contain punctuation that breaks "
                        + "a clause (, . ; ( ) !)");
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(what + " '" + text + "' has no words");
            }
            return out;
        }

        private int stem(String s) {
            return stemIds.computeIfAbsent(s, k -> stemIds.size());
        }

        private int raw(String r) {
            return rawIds.computeIfAbsent(r.toLowerCase(Locale.ROOT), k -> rawIds.size());
        }
    }
}
