package io.sepsis.guardrail;

/** Number formatting for clinician-facing lines: 85 not 85.0, 63.33 not 63.333333 (at most 2 decimals). */
public final class Num {
    private Num() {
    }

    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "not measured";
        }
        if (Double.isInfinite(v) || Math.abs(v) >= 1e13) {
            return Double.toString(v);
        }
        long scaled = Math.round(v * 100); // cheaper than Double.toString, and already rounded to 2 decimals
        String sign = scaled < 0 ? "-" : "";
        long abs = Math.abs(scaled);
        long whole = abs / 100;
        int frac = (int) (abs % 100);
        if (frac == 0) {
            return sign + whole;
        }
        if (frac % 10 == 0) {
            return sign + whole + "." + frac / 10;
        }
        return sign + whole + (frac < 10 ? ".0" : ".") + frac;
    }
}
