package io.sepsis.genai.prompt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags instruction-like text in untrusted input (clinical notes, history strings) before it goes into a prompt.
 * Detection does not block anything: the notes are always delimited and the system prompt always says they are data;
 * a flag adds an explicit warning to the prompt and is reported for audit. Flags are short category names, never the
 * matched text.
 *
 * <p>Categories: {@code ignore_instructions}, {@code role_override}, {@code role_marker}, {@code new_instructions},
 * {@code output_control}, {@code score_manipulation}, {@code suppress_alert}, {@code delimiter_escape},
 * {@code prompt_exfiltration}.
 *
 * <p>Clinical usage is deliberately not flagged: "ignore previous BP reading, cuff was loose" and "disregard the above
 * note, wrong patient" (the object is a reading or a note, not instructions), "patient instructed to use incentive
 * spirometer", "new instructions given to patient", "urine output only 10 mL/hr", "did not respond with fluid bolus",
 * "daughter will act as healthcare proxy", "do not escalate care" (goals of care), "do not alert MD unless SBP < 90"
 * (a parameter order), "Review of systems: negative", "fall risk score 45", "able to answer with 2-3 word sentences".
 * Bare "disregard the above." (nothing clinical follows) does flag. A false flag costs one caution line in the prompt;
 * it never changes a score.
 *
 * <p>Text is NFKC-normalised (full-width letters), stripped of invisible format characters (zero-width spaces) and
 * lower-cased before matching ({@link UntrustedText}), so "ign\u200Bore previous instructions" is still found.
 *
 * <p>Speed: each pattern starts with a lead word (or '<', '&', '[', '#') and is tried only where that lead occurs,
 * found in one pass over the words of the text; an ordinary note costs a few microseconds. Thread-safe.
 */
public final class InjectionDetector {
    public static final String IGNORE_INSTRUCTIONS = "ignore_instructions";
    public static final String ROLE_OVERRIDE = "role_override";
    public static final String ROLE_MARKER = "role_marker";
    public static final String NEW_INSTRUCTIONS = "new_instructions";
    public static final String OUTPUT_CONTROL = "output_control";
    public static final String SCORE_MANIPULATION = "score_manipulation";
    public static final String SUPPRESS_ALERT = "suppress_alert";
    public static final String DELIMITER_ESCAPE = "delimiter_escape";
    public static final String PROMPT_EXFILTRATION = "prompt_exfiltration";

    /** Report order. */
    private static final String[] FLAGS = {IGNORE_INSTRUCTIONS, ROLE_OVERRIDE, ROLE_MARKER, NEW_INSTRUCTIONS,
        OUTPUT_CONTROL, SCORE_MANIPULATION, SUPPRESS_ALERT, DELIMITER_ESCAPE, PROMPT_EXFILTRATION};

    /** A pattern for one category, matched (lookingAt) where one of its lead words or lead characters starts. */
    private record Probe(int category, Pattern pattern, List<String> leads) {
    }

    // All patterns run on lower-cased text.
    private static final String INSTRUCTION_NOUNS = "(?:instructions?|prompts?|rules?|directions?|directives?"
            + "|guidelines?|guardrails?|commands?|context|system\\s+message|messages?|constraints?|programming)";
    private static final String AI = "(?:ai|assistant|model|language\\s+model|llm|chatbot|bot|system|gpt|claude|dan)";

    private static final List<Probe> PROBES = List.of(
            probe(IGNORE_INSTRUCTIONS, "ignore disregard forget override bypass skip drop discard",
                    "(?:ignore|disregard|forget|override|bypass|skip|drop|discard)\\s+"
                            + "(?:(?:all|any|the|your|these|those|every|of|previous|prior|above|earlier|preceding"
                            + "|foregoing|original|initial|system|existing|other|safety)\\s+){0,4}"
                            + INSTRUCTION_NOUNS + "\\b"),
            // "disregard the above." flags; "ignore above reading, cuff loose" and "disregard the above note" do not
            probe(IGNORE_INSTRUCTIONS, "ignore disregard forget",
                    "(?:ignore|disregard|forget)\\s+(?:(?:all|everything|anything)\\s+)?"
                            + "(?:(?:the|that|what(?:'s|\\s+is|\\s+was)?)\\s+)?(?:above|before|previously\\s+said"
                            + "|said\\s+(?:above|before)|stated\\s+above|preceding\\s+text|prior\\s+text)"
                            + "(?=\\s*(?:[.,;:!\\n]|$|and\\b|then\\b|text\\b|content\\b|everything\\b))"),
            probe(ROLE_OVERRIDE, "you", "you(?:\\s+are|'re)\\s+(?:now|no\\s+longer)\\b"),
            probe(ROLE_OVERRIDE, "act behave respond answer",
                    "(?:act|behave|respond|answer)\\s+as\\s+(?:if\\s+you|though\\s+you|(?:an?|the)\\s+"
                            + "(?:(?:new|different|unrestricted|unfiltered|helpful|evil|rogue)\\s+)?" + AI + "\\b)"),
            probe(ROLE_OVERRIDE, "pretend", "pretend\\s+(?:to\\s+be|you\\s+are|that\\s+you)\\b"),
            probe(ROLE_OVERRIDE, "roleplay", "roleplay\\s+as\\b"),
            probe(ROLE_OVERRIDE, "developer god jailbreak dan", "(?:developer|god|jailbreak|dan)\\s+mode\\b|jailbreak"),
            probe(ROLE_OVERRIDE, "from", "from\\s+now\\s+on,?\\s+you\\b"),
            // a role name at the start of a line, a sentence or after a bracket, followed by a colon
            probe(ROLE_MARKER, "system assistant developer user human ai",
                    "(?<=(?:^|[\\n\\r]|[.!?;][ \\t]{1,4}|[\\[(<>{\"'`#*|][ \\t]{0,4})[ \\t]{0,4})"
                            + "(?:system|assistant|developer|user|human|ai)[ \\t]*(?:prompt|message)?[ \\t]*:"),
            probe(ROLE_MARKER, "<",
                    "<\\|?\\s*(?:im_start|im_end|endoftext|system|assistant|user)\\s*\\|?>|<<\\s*/?\\s*sys\\s*>>"),
            probe(ROLE_MARKER, "[", "\\[/?inst\\]"),
            probe(ROLE_MARKER, "#", "#{2,}\\s*(?:system|instructions?)\\b"),
            probe(NEW_INSTRUCTIONS, "new updated revised real actual override",
                    "(?:new|updated|revised|real|actual|override)\\s+(?:system\\s+)?"
                            + "(?:instructions?|directives?|task|rules?)\\s*(?::|-{1,2}|follow\\b"
                            + "|for\\s+(?:the\\s+)?(?:ai|assistant|model|llm|you)\\b)"),
            probe(NEW_INSTRUCTIONS, "your",
                    "your\\s+(?:new|real|actual|updated)\\s+(?:instructions?|task|role|rules?)\\b"),
            probe(NEW_INSTRUCTIONS, "here these",
                    "(?:here|these)\\s+are\\s+(?:your|my|the\\s+new)\\s+(?:new\\s+)?instructions\\b"),
            probe(NEW_INSTRUCTIONS, "instruction instructions",
                    "instructions?\\s+(?:to|for)\\s+(?:the\\s+)?(?:ai|assistant|model|llm)\\b"),
            probe(OUTPUT_CONTROL, "respond reply answer",
                    "(?:respond|reply|answer)\\s+(?:(?:only\\s+)?with\\s+(?:only\\s+)?(?:the\\s+following|this\\b"
                            + "|exactly|json|a\\s+json|[{\"']|risk|a\\s+risk|low|standard|a\\s+score)|only\\b)"),
            probe(OUTPUT_CONTROL, "output return print emit write",
                    "(?:output|return|print|emit|write)\\s+(?:only|just|exactly)\\s+(?:the\\s+)?"
                            + "(?:json|following|this|text|word|number|score|[{\"'])"),
            probe(OUTPUT_CONTROL, "only", "only\\s+(?:output|return|respond|reply)\\b(?!\\s+\\d)"),
            probe(OUTPUT_CONTROL, "your", "your\\s+(?:output|response|answer|reply)\\s+(?:must|should|shall)\\s+be\\b"),
            probe(SCORE_MANIPULATION, "set",
                    "set\\s+(?:the\\s+|your\\s+)?(?:sepsis\\s+)?(?:risk|score|risk[\\s_]score|priority"
                            + "|alert(?:\\s+level)?|probability|confidence)\\b"),
            probe(SCORE_MANIPULATION, "risk_score risk_score_0_100 sepsis_probability_6h guardrail_override",
                    "(?:risk_score(?:_0_100)?|sepsis_probability_6h|guardrail_override)\\b"),
            probe(SCORE_MANIPULATION, "classify mark label rate score",
                    "(?:classify|mark|label|rate|score)\\s+(?:this\\s+|the\\s+)?(?:patient|case|note|assessment)"
                            + "\\s+as\\s+(?:low|standard|not\\s+septic|no\\s+sepsis|normal|healthy|stable"
                            + "|non-?urgent)"),
            probe(SCORE_MANIPULATION, "sepsis risk",
                    "(?:sepsis\\s+)?risk(?:\\s+score)?\\s+(?:should|must|will)\\s+be\\s+"
                            + "(?:low|0|zero|minimal|standard|\\d)"),
            probe(SCORE_MANIPULATION, "priority", "priority\\s*(?:should|must)\\s+be\\s+(?:standard|low)\\b"),
            probe(SUPPRESS_ALERT, "do don dont never must should",
                    "(?:do\\s+not|don'?t|never|must\\s+not|should\\s+not)\\s+(?:flag\\b"
                            + "|raise\\s+(?:an?\\s+|any\\s+)?(?:alert|alarm|flag)|trigger\\s+(?:an?\\s+|any\\s+)?"
                            + "(?:alert|alarm|override)|override\\s+(?:the\\s+)?(?:guardrail|alert|score|risk)"
                            + "|mark\\s+(?:this|the\\s+patient)\\s+as|escalate\\s+(?:this\\s+)?(?:alert|risk|score))"),
            probe(SUPPRESS_ALERT, "suppress", "suppress\\s+(?:the\\s+|any\\s+)?(?:alert|alarm|flag|warning)s?\\b"),
            probe(SUPPRESS_ALERT, "no",
                    "no\\s+(?:need\\s+(?:to|for)\\s+(?:an?\\s+)?)?alert\\s+(?:is\\s+)?"
                            + "(?:needed|required|necessary)\\b"),
            probe(DELIMITER_ESCAPE, "<",
                    "<\\s*/?\\s*clinical[\\s_-]*notes?\\b"
                            + "|</\\s*(?:system|instructions?|prompt|user|assistant|context|data|notes?|input)\\s*>"),
            probe(DELIMITER_ESCAPE, "&", "&lt;\\s*/?\\s*clinical[\\s_-]*notes?"),
            probe(DELIMITER_ESCAPE, "end",
                    "end\\s+of\\s+(?:the\\s+)?(?:clinical\\s+notes|untrusted|user\\s+input|data\\s+block)"),
            probe(PROMPT_EXFILTRATION, "reveal print show repeat output display tell leak dump",
                    "(?:reveal|print|show|repeat|output|display|tell\\s+me|leak|dump)\\s+(?:me\\s+)?"
                            + "(?:your\\s+(?:system\\s+|initial\\s+|original\\s+|hidden\\s+)?"
                            + "(?:prompt|instructions|system\\s+message)"
                            + "|the\\s+(?:system|initial|original|hidden)\\s+(?:prompt|instructions|message))"));

    private static final Map<String, int[]> BY_WORD = new HashMap<>();
    private static final int[][] BY_CHAR = new int[128][];
    private static final int MAX_LEAD = 24;

    static {
        Map<String, List<Integer>> words = new HashMap<>();
        Map<Character, List<Integer>> chars = new HashMap<>();
        for (int i = 0; i < PROBES.size(); i++) {
            for (String lead : PROBES.get(i).leads) {
                if (lead.length() == 1 && !Character.isLetter(lead.charAt(0))) {
                    chars.computeIfAbsent(lead.charAt(0), k -> new ArrayList<>()).add(i);
                } else {
                    words.computeIfAbsent(lead, k -> new ArrayList<>()).add(i);
                }
            }
        }
        words.forEach((w, p) -> BY_WORD.put(w, p.stream().mapToInt(Integer::intValue).toArray()));
        chars.forEach((c, p) -> BY_CHAR[c] = p.stream().mapToInt(Integer::intValue).toArray());
    }

    private InjectionDetector() {
    }

    private static Probe probe(String flag, String leads, String regex) {
        int category = List.of(FLAGS).indexOf(flag);
        return new Probe(category, Pattern.compile(regex), List.of(leads.split(" ")));
    }

    /** Categories found, in a fixed order, each at most once; empty for {@code null} or clean text. */
    public static List<String> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = normalise(text);
        int n = t.length();
        boolean[] found = new boolean[FLAGS.length];
        Matcher[] matchers = new Matcher[PROBES.size()];
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (isWordChar(c)) {
                int j = i + 1;
                while (j < n && isWordChar(t.charAt(j))) {
                    j++;
                }
                if (j - i <= MAX_LEAD) {
                    int[] probes = BY_WORD.get(t.substring(i, j));
                    if (probes != null) {
                        tryAt(probes, t, i, matchers, found);
                    }
                }
                i = j;
            } else {
                if (c < 128 && BY_CHAR[c] != null) {
                    tryAt(BY_CHAR[c], t, i, matchers, found);
                }
                i++;
            }
        }
        List<String> flags = new ArrayList<>(2);
        for (int k = 0; k < FLAGS.length; k++) {
            if (found[k]) {
                flags.add(FLAGS[k]);
            }
        }
        return List.copyOf(flags);
    }

    private static void tryAt(int[] probes, String t, int at, Matcher[] matchers, boolean[] found) {
        for (int p : probes) {
            Probe probe = PROBES.get(p);
            if (found[probe.category]) {
                continue;
            }
            Matcher m = matchers[p];
            if (m == null) {
                m = probe.pattern.matcher(t);
                m.useTransparentBounds(true); // the role-marker look-behind sees what precedes the lead word
                m.useAnchoringBounds(false); // ^ and $ are the text's, not the region's
                matchers[p] = m;
            }
            m.region(at, t.length());
            if (m.lookingAt()) {
                found[probe.category] = true;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c > 127 && Character.isLetterOrDigit(c);
    }

    /** Several texts (notes and history items) scanned as one: the union of their categories, in the fixed order. */
    public static List<String> scanAll(List<String> texts) {
        StringBuilder sb = new StringBuilder();
        for (String s : texts) {
            if (s != null) {
                sb.append(s).append('\n');
            }
        }
        return scan(sb.toString());
    }

    static String normalise(String text) {
        String t = UntrustedText.clean(text);
        if (t.indexOf('\u2019') >= 0 || t.indexOf('\u2018') >= 0) {
            t = t.replace('\u2019', '\'').replace('\u2018', '\'');
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
