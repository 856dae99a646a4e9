package io.sepsis.guardrail.text;

/**
 * Splits text into words, numbers and symbols, and reports clause and sentence breaks, in one pass without regular
 * expressions. Shared by the configuration compiler (phrases, cues) and the per-request scan, so both sides see the
 * same tokens.
 *
 * <ul>
 *   <li>words: runs of letters, lower-cased; an apostrophe inside a word is dropped ("isn't" -> {@code isnt});
 *       a hyphen between letters separates words ("beta-blocker" -> beta, blocker);</li>
 *   <li>numbers: digits with an optional decimal part ("2.5") and thousands separators ("1,000"); "2-3" is
 *       number, range symbol {@code -}, number; digits glued to letters split ("10mL" -> 10, ml);</li>
 *   <li>symbols: {@code < <= > >= = / %} ({@code ≤ ≥} map to {@code <= >=});</li>
 *   <li>sentence breaks: {@code . ; ! ?} and line breaks (a full stop between digits is a decimal point);</li>
 *   <li>clause breaks: {@code , ( ) [ ]} and a free-standing dash (" - ").</li>
 * </ul>
 * A colon is neither ("Skin: mottled", "Neuro: no confusion" stay one clause).
 */
final class Lexer {
    static final String RANGE = "-";

    interface Sink {
        void word(String lower);

        void number(double value);

        void symbol(String symbol);

        void clauseBreak();

        void sentenceBreak();
    }

    private Lexer() {
    }

    static void lex(CharSequence s, int len, Sink sink) {
        char[] buf = new char[32];
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int b = 0;
                while (i < len) {
                    char d = s.charAt(i);
                    if (Character.isLetter(d)) {
                        if (b == buf.length) {
                            buf = java.util.Arrays.copyOf(buf, b * 2);
                        }
                        buf[b++] = Character.toLowerCase(d);
                        i++;
                    } else if ((d == '\'' || d == '\u2019') && i + 1 < len && Character.isLetter(s.charAt(i + 1))) {
                        i++; // isn't -> isnt, patient's -> patients
                    } else {
                        break;
                    }
                }
                sink.word(new String(buf, 0, b));
            } else if (c >= '0' && c <= '9') {
                double v = 0;
                while (i < len) {
                    char d = s.charAt(i);
                    if (d >= '0' && d <= '9') {
                        v = v * 10 + (d - '0');
                        i++;
                    } else if (d == ',' && thousands(s, i, len)) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (i + 1 < len && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
                    i++;
                    double scale = 0.1;
                    while (i < len && isDigit(s.charAt(i))) {
                        v += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                }
                sink.number(v);
                if (i + 1 < len && isDash(s.charAt(i)) && isDigit(s.charAt(i + 1))) {
                    sink.symbol(RANGE);
                    i++;
                }
            } else {
                switch (c) {
                    case '.':
                    case ';':
                    case '!':
                    case '?':
                    case '\n':
                    case '\r':
                        sink.sentenceBreak();
                        break;
                    case ',':
                    case '(':
                    case ')':
                    case '[':
                    case ']':
                        sink.clauseBreak();
                        break;
                    case '<':
                    case '>':
                        if (i + 1 < len && s.charAt(i + 1) == '=') {
                            sink.symbol(c == '<' ? "<=" : ">=");
                            i++;
                        } else {
                            sink.symbol(c == '<' ? "<" : ">");
                        }
                        break;
                    case '\u2264':
                        sink.symbol("<=");
                        break;
                    case '\u2265':
                        sink.symbol(">=");
                        break;
                    case '=':
                    case '/':
                    case '%':
                        sink.symbol(String.valueOf(c));
                        break;
                    case '-':
                    case '\u2013':
                    case '\u2014':
                        boolean spacedBefore = i == 0 || Character.isWhitespace(s.charAt(i - 1));
                        boolean spacedAfter = i + 1 >= len || Character.isWhitespace(s.charAt(i + 1));
                        if (spacedBefore && spacedAfter || c == '\u2014') {
                            sink.clauseBreak(); // "skin warm - no mottling"
                        }
                        break; // otherwise a hyphen: separates words
                    default:
                        break; // other punctuation and whitespace only separate tokens
                }
                i++;
            }
        }
    }

    private static boolean thousands(CharSequence s, int comma, int len) {
        // "1,000" but not "10, 20" or "1,5"
        for (int k = 1; k <= 3; k++) {
            if (comma + k >= len || !isDigit(s.charAt(comma + k))) {
                return false;
            }
        }
        return comma + 4 >= len || !isDigit(s.charAt(comma + 4));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013';
    }
}
