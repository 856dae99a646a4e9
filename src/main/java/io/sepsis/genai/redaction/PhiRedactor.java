package io.sepsis.genai.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free-text clinical notes before they leave the service (HIPAA Safe Harbor,
 * 45 CFR 164.514(b)(2): names, dates except the year, phone numbers, e-mail addresses, record and account numbers,
 * SSNs, street addresses and ZIP codes, ages over 89).
 *
 * <p>Each identifier becomes a numbered placeholder, the same value getting the same placeholder within one text so
 * the note still reads ("[NAME_1] notified at 14:00 ... [NAME_1] at bedside"): {@code [NAME_n]}, {@code [MRN_n]},
 * {@code [PHONE_n]}, {@code [EMAIL_n]}, {@code [DATE_n]}, {@code [ADDRESS_n]}, {@code [SSN_n]}, {@code [ID_n]};
 * an age over 89 becomes {@code 90+}. Labels and titles stay ("MRN: [MRN_1]", "Dr. [NAME_2]") because they carry
 * the role, not the identity.
 *
 * <p>Clinical content is left alone: vital values ("HR 120", "BP 85/50", "temp 38.9"), doses, units, times of day
 * ("at 14:00"), ratios ("pain 7/10"), drug names and clinical words capitalised at the start of a sentence. Names are
 * found by context only (title, "name:"/"Patient:" label, relation such as "son", credential such as "RN",
 * signature line), then every other occurrence of a found name's words is replaced too; a capitalised clinical word
 * in a name position is protected by {@link NotNames}. Known limits: a bare name with no context ("John called") is
 * not found; years alone are kept (Safe Harbor allows them); dates are recognised in numeric, ISO and English
 * month-name forms.
 *
 * <p>Patterns are compiled once and each is tried only where it can start (a digit run, a label word, an '@', a
 * dash line; see {@link Trigger}), so a 1 KB note costs tens of microseconds, and the cost stays linear in the length
 * for adversarial input. Stateless and thread-safe. Counts, never values, are reported.
 */
public final class PhiRedactor {

    /**
     * @param text   the text with identifiers replaced
     * @param counts replacements made per kind ({@code NAME}, {@code MRN}, {@code PHONE}, {@code EMAIL},
     *               {@code DATE}, {@code ADDRESS}, {@code SSN}, {@code ID}, {@code AGE_OVER_89}); kinds with none
     *               are absent. Occurrences, not distinct values.
     */
    public record Redaction(String text, Map<String, Integer> counts) {
        public Redaction {
            Objects.requireNonNull(text, "text");
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /** Total replacements. */
        public int total() {
            int n = 0;
            for (int c : counts.values()) {
                n += c;
            }
            return n;
        }
    }

    /** Placeholder kinds, in the order counts are reported. */
    enum Kind { NAME, MRN, PHONE, EMAIL, DATE, ADDRESS, SSN, ID, AGE_OVER_89 }

    /** How a match is checked and keyed before it is accepted. */
    private enum Check { NONE, HAS_DIGIT, PHONE, STREET, NAME, NAME_STRICT, NAME_TAIL }

    /**
     * Where a rule is tried. Running ~30 patterns over every position of a note costs milliseconds; trying each one
     * only where it can start (a digit run, a label word, an '@', a line starting with a dash) costs microseconds.
     */
    private enum Trigger {
        /** At the start of a digit run that passes the rule's {@link DigitGate}. */
        DIGITS,
        /** At a '+' or '(' (international and bracketed phone numbers). */
        PLUS_OR_PAREN,
        /** At a word (letters only, case-insensitive) listed in the rule's trigger words. */
        WORD,
        /** At the start of the local part of an e-mail address ('@' found). */
        EMAIL,
        /** At the start of a line whose first character is a dash (signature lines). */
        DASH_LINE,
        /** Ending just before a credential word (RN, MD, ...): searched backwards within the line. */
        BEFORE_CREDENTIAL,
        /** Ending at a five-digit ZIP code: "City, ST 12345" searched backwards within the line. */
        BEFORE_ZIP
    }

    /**
     * Cheap test on a digit run {@code text[start, end)} and the characters around it, before a pattern is tried
     * there: a clinical note has dozens of numbers and almost none of them can start an identifier.
     */
    @FunctionalInterface
    private interface DigitGate {
        boolean test(String text, int start, int end);
    }

    /**
     * One pattern; when it has a group named {@code v} only that group is replaced (the label stays). Rules are
     * listed in priority order: where two matches overlap, the earlier rule wins.
     */
    private record Rule(Kind kind, Check check, Trigger trigger, Pattern pattern, int valueGroup, DigitGate gate,
                        List<String> words) {
    }

    // ---- building blocks --------------------------------------------------------------------------------------------
    /** A capitalised name word: "Smith", "O'Brien", "McDonald", "Garcia-Lopez", "José". */
    private static final String NAME_WORD = "(?:\\p{Lu}'\\p{Lu}\\p{Ll}+"
            + "|\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?)";
    private static final String INITIAL = "\\p{Lu}\\.";
    /** One to four name words, optionally led by initials ("J. Smith", "Mary Ann O'Neil"); never across lines. */
    private static final String NAME = "(?:" + INITIAL + "[ \\t]?){0,2}" + NAME_WORD
            + "(?:[ \\t]+(?:" + INITIAL + "|" + NAME_WORD + ")){0,3}";
    /** A name that is more than one bare word: an initial and a surname, or two words. */
    private static final String NAME_2 = "(?:(?:" + INITIAL + "[ \\t]?){1,2}" + NAME_WORD + "|" + NAME_WORD
            + "[ \\t]+(?:" + INITIAL + "[ \\t]?)?" + NAME_WORD + ")";
    private static final String CREDENTIAL = "(?:RN|MD|DO|NP|PA-C|PA|LPN|LVN|CNA|RRT|APRN|CRNA|PharmD|DNP|MSN|BSN|CNS"
            + "|MBBS|FNP|ACNP)";
    /** A month name; an abbreviation may carry a dot ("Sept."), a full name never takes the sentence's period. */
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)";
    private static final String STATE = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN"
            + "|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)";
    private static final String CITY_STATE_ZIP = "(?:\\p{Lu}\\p{Ll}+[ \\t]){0,2}\\p{Lu}\\p{Ll}+,[ \\t]*" + STATE
            + "(?:[ \\t]+\\d{5}(?:-\\d{4})?)?";
    private static final String STREET_SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln"
            + "|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley"
            + "|Crescent|Close)";

    private static final List<String> CREDENTIALS = List.of("RN", "MD", "DO", "NP", "PA", "LPN", "LVN", "CNA",
            "RRT", "APRN", "CRNA", "PharmD", "DNP", "MSN", "BSN", "CNS", "MBBS", "FNP", "ACNP");
    private static final List<String> MONTH_WORDS = List.of("jan", "january", "feb", "february", "mar", "march",
            "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
            "october", "nov", "november", "dec", "december");

    private static final List<Rule> RULES = List.of(
            rule(Kind.EMAIL, Check.NONE, Trigger.EMAIL, null, List.of(),
                    "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
            words(Kind.SSN, Check.NONE, List.of("ssn", "ss", "social"),
                    "(?i:\\bSSN|\\bSS#|\\bsocial[ \\t]+security(?:[ \\t]+(?:number|no\\.?|#))?)[ \\t]*[:#]?[ \\t]*"
                            + "(?<v>\\d{3}[ -]?\\d{2}[ -]?\\d{4})\\b"),
            digits(Kind.SSN, Check.NONE, (t, s, e) -> e - s == 3 && at(t, e) == '-' && isDigit(at(t, e + 1)),
                    "(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])"),
            words(Kind.MRN, Check.HAS_DIGIT, List.of("mrn", "mr", "medical", "med", "chart"),
                    "(?i:\\bMRN|\\bMR[ \\t]*(?:#|no\\.?|number)|\\bmedical[ \\t]+record(?:[ \\t]+(?:number|no\\.?|#))?"
                            + "|\\bmed[ \\t]*rec(?:[ \\t]+(?:no\\.?|#))?|\\bchart[ \\t]*(?:#|no\\.?|number))"
                            + "[ \\t]*(?:is[ \\t]+)?(?:[:#=][ \\t]*){0,2}"
                            + "(?<v>[A-Za-z]{0,4}-?\\d[\\dA-Za-z-]{2,19})\\b"),
            words(Kind.ID, Check.HAS_DIGIT, List.of("account", "acct", "encounter", "visit", "fin", "csn", "har",
                            "insurance", "member", "policy", "subscriber", "medicare", "medicaid", "license", "licence",
                            "passport", "patient", "id"),
                    "(?i:\\b(?:account|acct|encounter|visit|FIN|CSN|HAR|insurance|member|policy|subscriber|medicare"
                            + "|medicaid|license|licence|passport|patient[ \\t]+ID|ID))"
                            + "(?:[ \\t]*(?i:number|no\\.?|num|#|ID))?[ \\t]*(?:[:#=][ \\t]*){0,2}"
                            + "(?<v>[A-Za-z0-9][A-Za-z0-9-]{3,24})\\b"),
            words(Kind.PHONE, Check.PHONE, List.of("phone", "tel", "telephone", "cell", "mobile", "fax", "pager",
                            "beeper", "contact", "call", "callback"),
                    "(?i:\\b(?:phone|tel|telephone|cell|mobile|fax|pager|beeper|contact[ \\t]+(?:number|no\\.?|#)"
                            + "|call[ -]?back(?:[ \\t]+number)?))\\.?[ \\t]*(?:#|no\\.?|number)?[ \\t]*[:=]?[ \\t]*"
                            + "(?<v>\\+?\\(?\\d[\\d() .-]{5,24}\\d)"),
            // the "+1 ..." or "(...)" form first: it starts before the digit form of the same number
            rule(Kind.PHONE, Check.NONE, Trigger.PLUS_OR_PAREN, null, List.of(),
                    "(?<![\\w+.])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[.-]\\d{4}(?![\\w-])"),
            rule(Kind.PHONE, Check.NONE, Trigger.DIGITS,
                    (t, s, e) -> (e - s == 3 && isDigit(at(t, e + 1)) || e - s == 1 && t.charAt(s) == '1')
                            && (at(t, e) == ' ' || at(t, e) == '.' || at(t, e) == '-'), List.of(),
                    "(?<![\\w+.])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[.-]\\d{4}(?![\\w-])"),
            rule(Kind.PHONE, Check.PHONE, Trigger.PLUS_OR_PAREN, null, List.of(),
                    "(?<![\\w+])\\+\\d{1,3}[ .-]?\\(?\\d{1,4}\\)?(?:[ .-]?\\d{2,4}){1,4}(?![\\w-])"),
            digits(Kind.DATE, Check.NONE, (t, s, e) -> e - s == 4 && at(t, e) == '-' && isDigit(at(t, e + 1)),
                    "(?<![\\d-])\\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])(?![\\d])"),
            digits(Kind.DATE, Check.NONE, (t, s, e) -> e - s <= 2 && separatedTwice(t, e, '/'),
                    "(?<![\\d/.-])(?:0?[1-9]|[12]\\d|3[01])/(?:0?[1-9]|[12]\\d|3[01])/(?:\\d{4}|\\d{2})(?![\\d/])"),
            digits(Kind.DATE, Check.NONE, (t, s, e) -> e - s <= 2 && (separatedTwice(t, e, '.')
                            || separatedTwice(t, e, '-')),
                    "(?<![\\d/.-])(?:0?[1-9]|[12]\\d|3[01])([.-])(?:0?[1-9]|[12]\\d|3[01])\\1\\d{4}(?![\\d])"),
            words(Kind.DATE, Check.NONE, MONTH_WORDS,
                    "\\b" + MONTH + "[ \\t]+(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\b(?:,?[ \\t]+\\d{4}\\b)?"),
            digits(Kind.DATE, Check.NONE, (t, s, e) -> e - s <= 2 && monthFollows(t, e),
                    "\\b(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?" + MONTH
                            + "(?!\\p{L})(?:,?[ \\t]+\\d{4}\\b)?"),
            words(Kind.DATE, Check.NONE, MONTH_WORDS, "\\b" + MONTH + ",?[ \\t]+(?:19|20)\\d{2}\\b"),
            // month/day without a year only where the context says date ("admitted 2/14"; "pain 7/10" stays)
            words(Kind.DATE, Check.NONE, List.of("admitted", "admit", "admission", "discharged", "discharge", "dated",
                            "date", "dos", "dob", "born", "since", "seen", "on", "until", "transferred"),
                    "(?i:\\b(?:admitted|admit|admission|discharged|discharge|dated|date|dos|dob|born|since|seen|on"
                            + "|until|transferred))(?:[ \\t]+(?i:on|of|to|from))?[ \\t]*:?[ \\t]*"
                            + "(?<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01]))(?![\\d/])"),
            digits(Kind.ADDRESS, Check.STREET, (t, s, e) -> e - s <= 6 && streetFollows(t, e),
                    "\\b\\d{1,6}[A-Z]?[ \\t]+(?:(?:[NSEW]|North|South|East|West)\\.?[ \\t]+)?"
                            + "(?:(?:\\p{Lu}\\p{Ll}+|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,3}" + STREET_SUFFIX + "\\b\\.?"
                            + "(?:,?[ \\t]*(?:Apt|Apartment|Unit|Suite|Ste|#)\\.?[ \\t]*#?[A-Za-z0-9-]+)?"
                            + "(?:,?[ \\t]*" + CITY_STATE_ZIP + ")?"),
            words(Kind.ADDRESS, Check.NONE, List.of("p", "po", "post"),
                    "(?i:\\bP\\.?[ \\t]?O\\.?[ \\t]*Box|\\bPost[ \\t]+Office[ \\t]+Box)[ \\t]*#?\\d{1,6}\\b"
                            + "(?:,?[ \\t]*" + CITY_STATE_ZIP + ")?"),
            rule(Kind.ADDRESS, Check.NONE, Trigger.BEFORE_ZIP, null, List.of(),
                    "(?<!\\p{L})(?:\\p{Lu}\\p{Ll}+[ \\t]){0,2}\\p{Lu}\\p{Ll}+,[ \\t]*" + STATE
                            + "[ \\t]+\\d{5}(?:-\\d{4})?\\b\\z"),
            words(Kind.ADDRESS, Check.NONE, List.of("zip", "postal", "postcode"),
                    "(?i:\\bzip(?:[ \\t]*code)?|\\bpostal[ \\t]+code|\\bpostcode)[ \\t]*[:#]?[ \\t]*"
                            + "(?<v>\\d{5}(?:-\\d{4})?)\\b"),
            digits(Kind.ADDRESS, Check.NONE, (t, s, e) -> e - s == 5 && at(t, e) == '-' && isDigit(at(t, e + 1)),
                    "(?<![\\d-])\\d{5}-\\d{4}(?![\\d-])"),
            // names: titles, labels, relations, credentials, signatures
            words(Kind.NAME, Check.NAME, List.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "doctor", "nurse"),
                    "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DR|Prof|Doctor|Nurse)\\.?[ \\t]+(?<v>" + NAME + ")"),
            words(Kind.NAME, Check.NAME, List.of("patient", "pt", "client", "resident", "full", "first", "last", "name",
                            "signed", "e", "esigned", "electronically", "signature", "author", "attending", "nurse",
                            "rn", "md", "physician", "provider", "pcp", "contact", "emergency", "next", "nok",
                            "guardian", "poa", "proxy", "surrogate", "interpreter", "family"),
                    "(?i:\\b(?:(?:patient|pt|client|resident)(?:'s)?[ \\t]+name|full[ \\t]+name|first[ \\t]+name"
                            + "|last[ \\t]+name|name|patient|pt|signed(?:[ \\t]+by)?|e-?signed(?:[ \\t]+by)?"
                            + "|electronically[ \\t]+signed(?:[ \\t]+by)?|signature|author|attending|nurse|rn|md"
                            + "|physician|provider|pcp|contact|emergency[ \\t]+contact|next[ \\t]+of[ \\t]+kin|nok"
                            + "|guardian|poa|proxy|surrogate|interpreter|family))[ \\t]*[:=][ \\t]*"
                            + "(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?[ \\t]+)?(?<v>" + NAME + ")"),
            words(Kind.NAME, Check.NAME_STRICT, List.of("patient", "pt"),
                    "\\b(?:[Pp]atient|[Pp]t)[ \\t]+(?<v>" + NAME_WORD + "[ \\t]+" + NAME_WORD + ")\\b"),
            words(Kind.NAME, Check.NAME, List.of("wife", "husband", "son", "daughter", "mother", "father", "mom", "dad",
                            "sister", "brother", "spouse", "partner", "fiance", "fiancee", "fiancé", "fiancée",
                            "friend", "caregiver", "niece", "nephew", "grandson", "granddaughter", "grandmother",
                            "grandfather", "aunt", "uncle", "neighbor", "neighbour", "roommate"),
                    "(?i:\\b(?:wife|husband|son|daughter|mother|father|mom|dad|sister|brother|spouse|partner"
                            + "|fianc[eé]e?|friend|caregiver|niece|nephew|grandson|granddaughter|grandmother"
                            + "|grandfather|aunt|uncle|neighbou?r|roommate))[ \\t]*,?[ \\t]+[(\"]?(?<v>" + NAME + ")"),
            // "Jane Doe, RN", "A. Patel RN", "report from Kim RN"; leading non-name words are dropped
            rule(Kind.NAME, Check.NAME_TAIL, Trigger.BEFORE_CREDENTIAL, null, List.of(),
                    "(?<![\\p{L}.'-])(?<v>(?:" + INITIAL + "[ \\t]?){0,2}" + NAME_WORD + "(?:[ \\t]+(?:" + INITIAL
                            + "[ \\t]?)?" + NAME_WORD + "){0,2})(?:,[ \\t]*|[ \\t]+)\\z"),
            rule(Kind.NAME, Check.NAME_STRICT, Trigger.DASH_LINE, null, List.of(),
                    "[ \\t]*(?:-{1,2}|—|–|~)[ \\t]*(?<v>(?:" + INITIAL + "[ \\t]?){1,2}" + NAME_WORD + ")"
                            + "[ \\t]*(?:,?[ \\t]*" + CREDENTIAL + ")?[ \\t]*(?:\\r?\\n|\\z)"),
            rule(Kind.NAME, Check.NAME_STRICT, Trigger.DASH_LINE, null, List.of(),
                    "[ \\t]*(?:-{1,2}|—|–|~)[ \\t]*(?<v>" + NAME_WORD + "[ \\t]+" + NAME_WORD + ")"
                            + "[ \\t]*(?:,?[ \\t]*" + CREDENTIAL + ")?\\s*\\z"),
            // ages over 89 (Safe Harbor aggregates them into "90 or older")
            digits(Kind.AGE_OVER_89, Check.NONE, (t, s, e) -> (e - s == 2 && t.charAt(s) == '9'
                            || e - s == 3 && t.charAt(s) == '1') && yearsFollow(t, e),
                    "\\b(?<v>9\\d|1[01]\\d)(?=[ \\t]*-?[ \\t]*(?:y/?o\\b|yo\\b|y\\.o\\.|yrs?\\b|years?\\b|-year))"),
            words(Kind.AGE_OVER_89, Check.NONE, List.of("age", "aged"),
                    "(?i:\\bage[d]?)[ \\t]*:?[ \\t]*(?<v>9\\d|1[01]\\d)\\b(?![.,]\\d)"),
            // any remaining long digit run is an identifier of some kind
            digits(Kind.ID, Check.NONE, (t, s, e) -> e - s >= 7, "(?<![\\d.,])\\d{7,}(?![\\d]|[.,]\\d)"));

    /** Rule indexes by trigger word. */
    private static final WordTable TRIGGERS;
    private static final int[] DIGIT_RULES;
    private static final int[] PUNCT_RULES;
    private static final int[] DASH_RULES;
    private static final int EMAIL_RULE;
    private static final int CREDENTIAL_RULE;
    private static final int ZIP_RULE;

    static {
        Map<String, List<Integer>> byWord = new HashMap<>();
        List<Integer> digit = new ArrayList<>();
        List<Integer> punct = new ArrayList<>();
        List<Integer> dash = new ArrayList<>();
        int email = -1;
        int credential = -1;
        int zip = -1;
        for (int i = 0; i < RULES.size(); i++) {
            Rule r = RULES.get(i);
            switch (r.trigger) {
                case DIGITS -> digit.add(i);
                case PLUS_OR_PAREN -> punct.add(i);
                case DASH_LINE -> dash.add(i);
                case EMAIL -> email = i;
                case BEFORE_CREDENTIAL -> credential = i;
                case BEFORE_ZIP -> zip = i;
                case WORD -> {
                    for (String w : r.words) {
                        byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
                    }
                }
            }
        }
        Map<String, int[]> table = new HashMap<>();
        byWord.forEach((w, rules) -> table.put(w, rules.stream().mapToInt(Integer::intValue).toArray()));
        TRIGGERS = new WordTable(table);
        DIGIT_RULES = digit.stream().mapToInt(Integer::intValue).toArray();
        PUNCT_RULES = punct.stream().mapToInt(Integer::intValue).toArray();
        DASH_RULES = dash.stream().mapToInt(Integer::intValue).toArray();
        EMAIL_RULE = email;
        CREDENTIAL_RULE = credential;
        ZIP_RULE = zip;
    }

    /** Capitalised words, for replacing the other occurrences of names already found. */
    private static final Pattern WORD = Pattern.compile(
            "(?<![\\p{L}'-])\\p{Lu}(?:'\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?(?!\\p{L})");
    private static final Pattern STREET_SUFFIXES = Pattern.compile(STREET_SUFFIX + "|Apt|Apartment|Unit|Suite|Ste");
    /**
     * Matchers reused by the thread's next redaction (reset to the new text; a redaction never runs re-entrantly on
     * one thread). Saves allocating ~20 matchers per note on the worker pool; {@link Scan#release()} points them at
     * an empty text afterwards so no note stays referenced from a pooled thread.
     */
    private static final ThreadLocal<Matcher[]> MATCHERS = ThreadLocal.withInitial(() -> new Matcher[RULES.size()]);
    /** How far back a name before a credential or a city before a ZIP code is looked for. */
    private static final int LOOK_BACK = 80;

    private PhiRedactor() {
    }

    private static Rule rule(Kind kind, Check check, Trigger trigger, DigitGate gate, List<String> words,
                             String regex) {
        return new Rule(kind, check, trigger, Pattern.compile(regex), groupNumber(regex, "v"), gate, words);
    }

    /**
     * The number of the named group in the regex, or 0 (the whole match) when absent: {@code Matcher.start(int)} avoids
     * the by-name lookup on every match. Counts capturing groups, skipping escapes and character classes.
     */
    private static int groupNumber(String regex, String name) {
        int count = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                boolean named = regex.startsWith("(?<", i) && Character.isLetter(regex.charAt(Math.min(i + 3,
                        regex.length() - 1)));
                if (named || i + 1 < regex.length() && regex.charAt(i + 1) != '?') {
                    count++;
                    if (named && regex.startsWith("(?<" + name + ">", i)) {
                        return count;
                    }
                }
            }
        }
        return 0;
    }

    private static Rule digits(Kind kind, Check check, DigitGate gate, String regex) {
        return rule(kind, check, Trigger.DIGITS, gate, List.of(), regex);
    }

    private static Rule words(Kind kind, Check check, List<String> words, String regex) {
        return rule(kind, check, Trigger.WORD, null, words, regex);
    }

    /** The text with identifiers replaced; {@code null} or empty text comes back as an empty redaction. */
    public static Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, Map.of());
        }
        Scan scan = new Scan(text);
        try {
            scan.run();
        } finally {
            scan.release();
        }
        Spans spans = new Spans(text.length());
        scan.candidates.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        for (int[] c : scan.candidates) {
            accept(text, RULES.get(c[0]), c[1], c[2], spans);
        }
        if (!spans.nameTokens.isEmpty()) {
            otherOccurrencesOfNames(text, scan, spans);
        }
        return spans.render(text);
    }

    /** One pass over the text that tries each rule only where it can start; collects candidate matches. */
    private static final class Scan {
        private final String text;
        private final int n;
        private final Matcher[] matchers;
        private final boolean[] used = new boolean[RULES.size()];
        /** rule index, start, end (of the value to replace). */
        final List<int[]> candidates = new ArrayList<>(32);
        /** Start of every run of letters that begins with a capital, for replacing other occurrences of names. */
        int[] capitalised = new int[64];
        int capitalisedCount;

        Scan(String text) {
            this.text = text;
            this.n = text.length();
            this.matchers = MATCHERS.get();
        }

        void run() {
            int lineStart = 0;
            boolean atLineStart = true;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lineStart = i + 1;
                    atLineStart = true;
                    i++;
                    continue;
                }
                if (atLineStart && c != ' ' && c != '\t' && c != '\r') {
                    atLineStart = false;
                    if (c == '-' || c == '—' || c == '–' || c == '~') {
                        for (int r : DASH_RULES) {
                            lookingAt(r, lineStart);
                        }
                    }
                }
                if (c >= '0' && c <= '9') {
                    int j = i + 1;
                    while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        j++;
                    }
                    for (int r : DIGIT_RULES) {
                        if (RULES.get(r).gate.test(text, i, j)) {
                            lookingAt(r, i);
                        }
                    }
                    if (j - i == 5 && stateBefore(text, i)) {
                        int end = at(text, j) == '-' && allDigits(j + 1, j + 5) ? j + 5 : j;
                        findBackwards(ZIP_RULE, Math.max(lineStart, i - LOOK_BACK), end);
                    }
                    i = j;
                } else if (isLetter(c)) {
                    int j = i + 1;
                    while (j < n && isLetter(text.charAt(j))) {
                        j++;
                    }
                    word(i, j, lineStart);
                    if (Character.isUpperCase(c) && j - i >= 2) {
                        if (capitalisedCount == capitalised.length) {
                            capitalised = Arrays.copyOf(capitalised, capitalisedCount * 2);
                        }
                        capitalised[capitalisedCount++] = i;
                    }
                    i = j;
                } else {
                    if ((c == '+' || c == '(') && isDigit(at(text, i + 1))) {
                        for (int r : PUNCT_RULES) {
                            lookingAt(r, i);
                        }
                    } else if (c == '@') {
                        int start = i;
                        while (start > 0 && isEmailLocal(text.charAt(start - 1))) {
                            start--;
                        }
                        if (start < i) {
                            lookingAt(EMAIL_RULE, start);
                        }
                    }
                    i++;
                }
            }
        }

        private void word(int start, int end, int lineStart) {
            int len = end - start;
            char first = text.charAt(start);
            if (first >= 'A' && first <= 'Z' && isCredential(text, start, len)
                    && (end == n || !Character.isLetterOrDigit(text.charAt(end)))) {
                findBackwards(CREDENTIAL_RULE, Math.max(lineStart, start - LOOK_BACK), start);
            }
            int[] rules = TRIGGERS.get(text, start, len);
            if (rules != null) {
                for (int r : rules) {
                    lookingAt(r, start);
                }
            }
        }

        private boolean allDigits(int from, int to) {
            if (to > n) {
                return false;
            }
            for (int k = from; k < to; k++) {
                char d = text.charAt(k);
                if (d < '0' || d > '9') {
                    return false;
                }
            }
            return true;
        }

        private Matcher matcher(int rule, boolean anchoring) {
            Matcher m = matchers[rule];
            if (m == null) {
                m = RULES.get(rule).pattern.matcher(text);
                m.useTransparentBounds(true); // look-behinds and \b see the text around the region
                m.useAnchoringBounds(anchoring); // backward rules end with \z = the end of their region
                matchers[rule] = m;
            } else if (!used[rule]) {
                m.reset(text); // keeps the bounds settings
            }
            used[rule] = true;
            return m;
        }

        void release() {
            for (int r = 0; r < used.length; r++) {
                if (used[r]) {
                    matchers[r].reset("");
                }
            }
        }

        private void lookingAt(int rule, int start) {
            Matcher m = matcher(rule, false);
            m.region(start, n);
            if (m.lookingAt()) {
                add(rule, m);
            }
        }

        private void findBackwards(int rule, int from, int to) {
            if (from >= to) {
                return;
            }
            Matcher m = matcher(rule, true);
            m.region(from, to);
            if (m.find()) {
                add(rule, m);
            }
        }

        private void add(int rule, Matcher m) {
            int g = RULES.get(rule).valueGroup;
            candidates.add(new int[] {rule, m.start(g), m.end(g)});
        }
    }

    private static char at(String t, int i) {
        return i < t.length() ? t.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipBlanks(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** "d/d/" or "dd/d" etc. after a one- or two-digit run ending at {@code e}: a numeric date can start here. */
    private static boolean separatedTwice(String t, int e, char sep) {
        return at(t, e) == sep && isDigit(at(t, e + 1)) && (at(t, e + 2) == sep || at(t, e + 3) == sep);
    }

    /** A month name (or "of") after the day: "3 March", "3rd of March". */
    private static boolean monthFollows(String t, int e) {
        int k = e;
        char c = at(t, k);
        if ((c == 's' || c == 'n' || c == 'r' || c == 't') && isLetter(at(t, k + 1))) {
            k += 2;
        }
        int w = skipBlanks(t, k);
        c = at(t, w);
        return w > k && ("JFMASOND".indexOf(c) >= 0 && c != '\0' || c == 'o' && at(t, w + 1) == 'f');
    }

    /** A capitalised word or an ordinal after the house number: "12 Oak", "42 N. Elm", "5 5th Ave", "12B Main". */
    private static boolean streetFollows(String t, int e) {
        int k = e;
        if (Character.isUpperCase(at(t, k))) {
            k++;
        }
        int w = skipBlanks(t, k);
        char c = at(t, w);
        return w > k && (Character.isUpperCase(c) || isDigit(c));
    }

    /** "yo", "y/o", "years", "-year-old" after an age. */
    private static boolean yearsFollow(String t, int e) {
        int k = skipBlanks(t, e);
        if (at(t, k) == '-') {
            k = skipBlanks(t, k + 1);
        }
        return at(t, k) == 'y';
    }

    /** ", ST " just before a five-digit number: it may be a ZIP code after a city. */
    private static boolean stateBefore(String t, int i) {
        int k = i - 1;
        if (k < 0 || t.charAt(k) != ' ' && t.charAt(k) != '\t') {
            return false;
        }
        while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
            k--;
        }
        if (k < 3 || !Character.isUpperCase(t.charAt(k)) || !Character.isUpperCase(t.charAt(k - 1))) {
            return false;
        }
        k -= 2;
        while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
            k--;
        }
        return k >= 0 && t.charAt(k) == ',';
    }

    /** Words separated by spaces or tabs. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            int j = i;
            while (j < n && s.charAt(j) != ' ' && s.charAt(j) != '\t') {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    /** ASCII fast path of {@link Character#isLetter}. */
    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isCredential(String text, int start, int len) {
        if (len < 2 || len > 6 || Character.isLowerCase(text.charAt(start + 1)) && len != 6) {
            return false; // every credential but PharmD is all capitals
        }
        for (String c : CREDENTIALS) {
            if (c.length() == len && text.startsWith(c, start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Case-insensitive lookup of a word of the text without allocating it: open addressing on a hash of the
     * lower-cased characters, compared in place with {@link String#regionMatches(boolean, int, String, int, int)}.
     */
    private static final class WordTable {
        private final String[] keys;
        private final int[][] values;
        private final int mask;
        private final int maxLength;
        private final long lengths; // bit n: some key has n characters
        private final int firstLetters; // bit c - 'a': some key starts with c

        WordTable(Map<String, int[]> entries) {
            int size = Integer.highestOneBit(Math.max(16, entries.size() * 4) - 1) << 1;
            keys = new String[size];
            values = new int[size][];
            mask = size - 1;
            int longest = 0;
            long lengthBits = 0;
            int letterBits = 0;
            for (Map.Entry<String, int[]> e : entries.entrySet()) {
                String k = e.getKey();
                lengthBits |= 1L << k.length();
                letterBits |= 1 << (k.charAt(0) - 'a');
                int slot = hash(k, 0, k.length()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = e.getValue();
                longest = Math.max(longest, k.length());
            }
            maxLength = longest;
            lengths = lengthBits;
            firstLetters = letterBits;
        }

        int[] get(String text, int start, int len) {
            if (len > maxLength || (lengths & (1L << len)) == 0) {
                return null;
            }
            int first = text.charAt(start) | 0x20;
            if (first < 'a' || first > 'z' || (firstLetters & (1 << (first - 'a'))) == 0) {
                return null;
            }
            for (int slot = hash(text, start, len) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                String k = keys[slot];
                if (k.length() == len && text.regionMatches(true, start, k, 0, len)) {
                    return values[slot];
                }
            }
            return null;
        }

        private static int hash(String s, int start, int len) {
            int h = len;
            for (int i = start; i < start + len; i++) {
                char c = s.charAt(i);
                h = 31 * h + (c < 128 ? c | 0x20 : Character.toLowerCase(c)); // words are letters only
            }
            return h ^ (h >>> 16);
        }
    }

    private static boolean isEmailLocal(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-';
    }

    private static void accept(String text, Rule rule, int start, int end, Spans spans) {
        switch (rule.check) {
            case HAS_DIGIT -> {
                if (!hasDigit(text.subSequence(start, end))) {
                    return;
                }
            }
            case PHONE -> {
                int close = text.indexOf(')', start);
                if (text.charAt(start) == '(' && (close < 0 || close >= end)) {
                    start++; // "phone (555-201-7733)": the bracket belongs to the sentence, not the number
                }
                int digits = countDigits(text, start, end);
                if (digits < 7 || digits > 15) {
                    return;
                }
            }
            case STREET -> {
                if (!streetWords(text, start, end)) {
                    return;
                }
            }
            case NAME, NAME_STRICT -> {
                end = trimName(text, start, end, rule.check == Check.NAME_STRICT);
                if (end < 0) {
                    return;
                }
            }
            case NAME_TAIL -> {
                start = skipLeadingNonNames(text, start, end);
                if (start < 0) {
                    return;
                }
                end = trimName(text, start, end, true);
                if (end < 0) {
                    return;
                }
            }
            default -> {
            }
        }
        if (spans.free(start, end)) {
            spans.add(start, end, rule.kind, key(rule.kind, text, start, end));
        }
    }

    /**
     * The end of the name after dropping trailing non-name words ("Smith Notified" -> "Smith"), or -1 when it is not
     * a name: it starts with a non-name word, has no name word, or (strict) has any non-name word.
     */
    private static int trimName(String text, int start, int end, boolean strict) {
        String candidate = text.substring(start, end);
        List<String> tokens = tokens(candidate);
        int keep = tokens.size();
        while (keep > 0 && (isInitial(tokens.get(keep - 1)) || NotNames.contains(tokens.get(keep - 1)))) {
            keep--;
        }
        if (keep == 0) {
            return -1;
        }
        for (int i = 0; i < keep; i++) {
            if (!isInitial(tokens.get(i)) && NotNames.contains(tokens.get(i))) {
                return -1;
            }
        }
        if (strict && keep < tokens.size()) {
            // a strict pattern needs all its words; keep a trailing initial only ("Smith J.")
            for (int i = keep; i < tokens.size(); i++) {
                if (!isInitial(tokens.get(i))) {
                    return -1;
                }
            }
            return end;
        }
        int at = 0;
        for (int i = 0; i < keep; i++) {
            at = candidate.indexOf(tokens.get(i), at) + tokens.get(i).length();
        }
        return start + at;
    }

    /** The start of the first name word after leading non-name words ("Notified Jane Doe" -> "Jane"), or -1. */
    private static int skipLeadingNonNames(String text, int start, int end) {
        int i = start;
        while (i < end) {
            int j = i;
            while (j < end && text.charAt(j) != ' ' && text.charAt(j) != '\t') {
                j++;
            }
            String token = text.substring(i, j);
            if (isInitial(token) || !NotNames.contains(token)) {
                return i;
            }
            i = skipBlanks(text, j);
        }
        return -1;
    }

    /**
     * False when a word of a street-like match is a clinical or common word: "BP 85/50 Notified Dr. Smith" has the
     * shape number + word + "Dr" but is not an address.
     */
    private static boolean streetWords(String text, int start, int end) {
        Matcher m = WORD.matcher(text).region(start, end);
        while (m.find()) {
            if (NotNames.contains(m.group()) && !STREET_SUFFIXES.matcher(m.group()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInitial(String token) {
        return token.length() == 2 && Character.isUpperCase(token.charAt(0)) && token.charAt(1) == '.';
    }

    /** Every other capitalised occurrence of a word of a name found by context ("John" after "Patient: John Smith"). */
    private static void otherOccurrencesOfNames(String text, Scan scan, Spans spans) {
        int n = text.length();
        for (int w = 0; w < scan.capitalisedCount; w++) {
            int i = scan.capitalised[w];
            char c = text.charAt(i);
            // the whole word: letters, with inner apostrophes and hyphens ("O'Brien", "Garcia-Lopez")
            int j = i + 1;
            while (j < n && (isLetter(text.charAt(j)) || (text.charAt(j) == '\'' || text.charAt(j) == '-')
                    && j + 1 < n && isLetter(text.charAt(j + 1)))) {
                j++;
            }
            boolean wordStart = i == 0 || text.charAt(i - 1) != '\'' && text.charAt(i - 1) != '-';
            int len = j - i;
            if (wordStart && len >= 2 && len < 64 && (spans.nameTokenLengths & (1L << len)) != 0
                    && Character.isUpperCase(c)) {
                for (String token : spans.nameTokens) {
                    if (token.length() == len && text.regionMatches(true, i, token, 0, len)) {
                        if (spans.free(i, j)) {
                            spans.add(i, j, Kind.NAME, token);
                        }
                        break;
                    }
                }
            }
        }
    }

    /** Normalised value, so that one value written twice gets one placeholder. */
    private static String key(Kind kind, String text, int start, int end) {
        String raw = text.substring(start, end);
        return switch (kind) {
            case PHONE -> {
                String d = digitsOnly(raw);
                yield d.length() == 11 && d.charAt(0) == '1' ? d.substring(1) : d;
            }
            case SSN -> digitsOnly(raw);
            case MRN, ID -> alphanumericUpper(raw);
            case NAME -> nameKey(raw);
            default -> collapse(raw);
        };
    }

    private static String alphanumericUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Lower case, runs of spaces, commas and dots as one space: "March 3, 1950" and "march 3 1950" are one date. */
    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '.') {
                gap = sb.length() > 0;
            } else {
                if (gap) {
                    sb.append(' ');
                    gap = false;
                }
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Lower-cased name words without initials: "J. Smith" -> "smith", "John  Smith" -> "john smith". */
    private static String nameKey(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (String t : tokens(raw)) {
            if (isInitial(t)) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t.toLowerCase(Locale.ROOT));
        }
        return sb.isEmpty() ? raw.toLowerCase(Locale.ROOT) : sb.toString();
    }

    private static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int countDigits(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static String digitsOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Accepted spans of one text; assigns placeholder numbers in reading order. */
    private static final class Spans {
        private final BitSet covered;
        private final List<int[]> ranges = new ArrayList<>(); // start, end, kind ordinal, key index
        private final List<String> keys = new ArrayList<>();
        /** Lower-cased words of the names found by context (few: a list), and a bit per word length. */
        final List<String> nameTokens = new ArrayList<>();
        long nameTokenLengths;

        Spans(int length) {
            covered = new BitSet(length);
        }

        boolean free(int start, int end) {
            if (end <= start) {
                return false;
            }
            int next = covered.nextSetBit(start);
            return next < 0 || next >= end;
        }

        void add(int start, int end, Kind kind, String key) {
            covered.set(start, end);
            ranges.add(new int[] {start, end, kind.ordinal(), keys.size()});
            keys.add(key);
            if (kind == Kind.NAME) {
                for (String t : key.split(" ")) {
                    if (t.length() >= 2 && !NotNames.contains(t) && !nameTokens.contains(t)) {
                        nameTokens.add(t);
                        nameTokenLengths |= t.length() < 64 ? 1L << t.length() : 0;
                    }
                }
            }
        }

        Redaction render(String text) {
            if (ranges.isEmpty()) {
                return new Redaction(text, Map.of());
            }
            ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
            Kind[] kinds = Kind.values();
            EnumMap<Kind, Map<String, Integer>> numbers = new EnumMap<>(Kind.class);
            Map<String, Integer> nameByWord = new HashMap<>(); // a single word -> the number of a name containing it
            EnumMap<Kind, Integer> counts = new EnumMap<>(Kind.class);
            StringBuilder out = new StringBuilder(text.length() + 16 * ranges.size());
            int at = 0;
            for (int[] r : ranges) {
                Kind kind = kinds[r[2]];
                out.append(text, at, r[0]);
                counts.merge(kind, 1, Integer::sum);
                if (kind == Kind.AGE_OVER_89) {
                    out.append("90+");
                } else {
                    int n = number(kind, keys.get(r[3]), numbers, nameByWord);
                    out.append('[').append(kind.name()).append('_').append(n).append(']');
                }
                at = r[1];
            }
            out.append(text, at, text.length());
            Map<String, Integer> named = new LinkedHashMap<>();
            counts.forEach((k, v) -> named.put(k.name(), v));
            return new Redaction(out.toString(), named);
        }

        /**
         * The placeholder number of a value. Names are matched loosely so that "Mr. Smith", "John Smith" and "John"
         * in one note read as one person: a one-word name reuses the number of an earlier name containing that word,
         * and a longer name reuses the number of an earlier one-word name equal to its last (or first) word.
         */
        private static int number(Kind kind, String key, EnumMap<Kind, Map<String, Integer>> numbers,
                                  Map<String, Integer> nameByWord) {
            Map<String, Integer> byKey = numbers.computeIfAbsent(kind, k -> new HashMap<>());
            Integer n = byKey.get(key);
            if (n != null) {
                return n;
            }
            if (kind == Kind.NAME) {
                int space = key.indexOf(' ');
                if (space < 0) {
                    n = nameByWord.get(key);
                } else {
                    Integer last = byKey.get(key.substring(key.lastIndexOf(' ') + 1));
                    n = last != null ? last : byKey.get(key.substring(0, space));
                }
            }
            if (n == null) {
                n = byKey.size() == 0 ? 1 : maxValue(byKey) + 1;
            }
            byKey.put(key, n);
            if (kind == Kind.NAME) {
                for (String w : key.split(" ")) {
                    nameByWord.putIfAbsent(w, n);
                }
            }
            return n;
        }

        private static int maxValue(Map<String, Integer> m) {
            int max = 0;
            for (int v : m.values()) {
                max = Math.max(max, v);
            }
            return max;
        }
    }
}
