package io.sepsis.genai.prompt;

import java.text.Normalizer;

/**
 * Canonical form of client free text before it is scanned, redacted or placed in a prompt: invisible format
 * characters (zero-width spaces and joiners, bidi overrides, soft hyphens) and control characters other than line
 * breaks and tabs are removed, and the text is NFKC-normalised (full-width letters and digits become ASCII). Without
 * it "＜/clinical_notes＞", "ign\u200Bore previous instructions" or an MRN in full-width digits would slip past the
 * ASCII patterns of the redactor, the detector and the delimiter check. Plain ASCII text is returned as is.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean ascii = true;
        boolean controls = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) {
                controls = true;
            }
        }
        if (ascii && !controls) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                continue;
            }
            if (type == Character.CONTROL && c != '\n' && c != '\t' && c != '\r') {
                sb.append(' ');
                continue;
            }
            sb.append(c);
        }
        String s = sb.toString();
        return ascii || Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
