package io.sepsis.genai.prompt;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.clinical.SepticShockCriteria;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.clinical.score.ScoreResult;
import io.sepsis.genai.preprocess.GenaiPatient;
import io.sepsis.genai.preprocess.TimedValue;
import io.sepsis.genai.redaction.PhiRedactor;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The structured part of the prompt: a compact, factual account of one patient for the LLM, built only from validated
 * numbers and the service's deterministic scores. Latest values with units and "(high)"/"(low)" against usual adult
 * reference intervals, trends oldest -> newest with their direction and (when timestamps were sent) their time span,
 * qSOFA/SIRS/SOFA/NEWS2 with the criteria that fired and the inputs that were missing, the septic-shock criteria,
 * key parameters not measured, and the reported history.
 *
 * <p>Never in it: the patient id, the notes (they go in their own delimited block), absolute dates or times (only
 * spans such as "over 4 h"), an exact age over 89 ("90+", HIPAA Safe Harbor). The history strings are client free
 * text: they are PHI-redacted, flattened to one line, stripped of prompt delimiters and quoted.
 */
public final class ClinicalNarrative {
    /** Trends longer than this show the first value, an ellipsis and the last {@value #TREND_TAIL} values. */
    static final int TREND_SHOWN = 8;
    static final int TREND_TAIL = 5;

    /** Parameters whose absence is worth telling the model (scores and the guardrail lean on them). */
    private static final List<Field> KEY_PARAMETERS = List.of(Field.HR, Field.SBP, Field.MAP, Field.Resp, Field.Temp,
            Field.O2Sat, Field.GCS, Field.Lactate, Field.WBC, Field.Creatinine, Field.Platelets,
            Field.Bilirubin_total);

    /**
     * Usual adult reference intervals (low, high) used only to mark values "(low)"/"(high)" for the reader; decisions
     * are the scores' and the guardrail's. Sources: common laboratory reference intervals (e.g. Merck Manual
     * Professional, "Normal Laboratory Values"); HR, Resp, Temp and WBC at the SIRS limits (Bone RC et al., Chest
     * 1992); MAP 65 mmHg (Surviving Sepsis Campaign 2021); lactate 2 mmol/L (Sepsis-3); urine output 0.5 mL/kg/h
     * (KDIGO 2012).
     */
    private static final Map<Field, double[]> REFERENCE = new EnumMap<>(Field.class);

    static {
        ref(Field.HR, 60, 90);
        ref(Field.O2Sat, 94, 100);
        ref(Field.Temp, 36.0, 38.0);
        ref(Field.SBP, 100, 140);
        ref(Field.MAP, 65, 105);
        ref(Field.DBP, 60, 90);
        ref(Field.Resp, 12, 20);
        ref(Field.EtCO2, 35, 45);
        ref(Field.BaseExcess, -2, 2);
        ref(Field.HCO3, 22, 28);
        ref(Field.pH, 7.35, 7.45);
        ref(Field.PaCO2, 35, 45);
        ref(Field.SaO2, 94, 100);
        ref(Field.AST, 0, 40);
        ref(Field.BUN, 7, 20);
        ref(Field.Alkalinephos, 40, 130);
        ref(Field.Calcium, 8.5, 10.5);
        ref(Field.Chloride, 98, 107);
        ref(Field.Creatinine, 0.6, 1.2);
        ref(Field.Bilirubin_direct, 0, 0.3);
        ref(Field.Glucose, 70, 180);
        ref(Field.Lactate, 0, 1.99);
        ref(Field.Magnesium, 1.7, 2.2);
        ref(Field.Phosphate, 2.5, 4.5);
        ref(Field.Potassium, 3.5, 5.0);
        ref(Field.Bilirubin_total, 0.1, 1.2);
        ref(Field.TroponinI, 0, 0.04);
        ref(Field.Hct, 36, 50);
        ref(Field.Hgb, 12, 17.5);
        ref(Field.PTT, 25, 35);
        ref(Field.WBC, 4, 12);
        ref(Field.Fibrinogen, 200, 400);
        ref(Field.Platelets, 150, 450);
        ref(Field.GCS, 15, 15);
        ref(Field.PaO2, 80, 100);
        ref(Field.INR, 0.8, 1.2);
        ref(Field.D_dimer, 0, 0.5);
        ref(Field.Urine_output, 0.5, 50);
        ref(Field.Procalcitonin, 0, 0.5);
        ref(Field.CRP, 0, 10);
        ref(Field.BNP, 0, 100);
        ref(Field.ALT, 0, 40);
        ref(Field.Sodium, 135, 145);
        ref(Field.Bands, 0, 5);
        ref(Field.Neutrophils, 40, 75);
        ref(Field.Lymphocytes, 1.0, 4.0);
    }

    private ClinicalNarrative() {
    }

    private static void ref(Field f, double low, double high) {
        REFERENCE.put(f, new double[] {low, high});
    }

    /** The narrative; {@code scores} and {@code shock} are those computed from {@code p.latest()}. */
    public static String build(GenaiPatient p, ClinicalScores scores, SepticShockCriteria shock) {
        Observation o = p.latest();
        StringBuilder sb = new StringBuilder(1536);

        int mark = sb.length();
        sb.append("Demographics: ");
        int start = sb.length();
        demographics(o, sb);
        if (sb.length() == start) {
            sb.setLength(mark);
        } else {
            sb.append('\n');
        }

        sb.append("Bedside observations (latest value of each): ");
        start = sb.length();
        for (Field f : Field.values()) {
            if (isBedside(f) && o.has(f)) {
                value(sb, f, o.get(f), start);
            }
        }
        if (!o.has(Field.MAP) && o.has(Field.SBP) && o.has(Field.DBP)) {
            separator(sb, start);
            double map = o.mapOrEstimate();
            sb.append("MAP ~");
            number(sb, Math.round(map * 10) / 10.0);
            sb.append(" mmHg (estimated as (SBP + 2*DBP)/3)");
            flag(sb, Field.MAP, map);
        }
        if (sb.length() == start) {
            sb.append("none sent");
        }
        sb.append('\n');

        sb.append("Laboratory values (latest of each): ");
        start = sb.length();
        for (Field f : Field.values()) {
            if (isLab(f) && o.has(f)) {
                value(sb, f, o.get(f), start);
            }
        }
        if (sb.length() == start) {
            sb.append("none sent");
        }
        sb.append('\n');

        if (!p.trends().isEmpty()) {
            sb.append("Trends (oldest -> newest):\n");
            for (Map.Entry<Field, List<TimedValue>> e : p.trends().entrySet()) {
                trend(sb, e.getKey(), e.getValue());
            }
        }

        sb.append("Deterministic scores (computed by the service from the latest values):\n");
        score(sb, scores.qsofa());
        score(sb, scores.sirs());
        score(sb, scores.sofa());
        score(sb, scores.news2());

        sb.append("Septic-shock criteria (Sepsis-3 proxy: SBP <= 90 or MAP < 65 mmHg, and lactate >= 2 mmol/L): ");
        sb.append(shock.met() ? "MET" : "not met");
        if (!shock.criteriaFired().isEmpty()) {
            sb.append("; fired: ");
            join(sb, shock.criteriaFired());
        }
        if (!shock.missingInputs().isEmpty()) {
            sb.append("; could not assess (not measured): ");
            join(sb, shock.missingInputs());
        }
        sb.append('\n');

        int before = sb.length();
        sb.append("Key parameters not measured: ");
        int listStart = sb.length();
        for (Field f : KEY_PARAMETERS) {
            boolean missing = f == Field.MAP ? Double.isNaN(o.mapOrEstimate()) : !o.has(f);
            if (missing) {
                separator(sb, listStart, ", ");
                sb.append(f.name());
            }
        }
        if (sb.length() == listStart) {
            sb.setLength(before);
        } else {
            sb.append('\n');
        }

        if (!p.conditions().isEmpty() || !p.medications().isEmpty()) {
            sb.append("Reported history (free text from the requesting system, identifiers removed): conditions: ");
            quotedList(sb, p.conditions());
            sb.append("; medications: ");
            quotedList(sb, p.medications());
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- sections -------------------------------------------------------------------------------------------------

    private static void demographics(Observation o, StringBuilder sb) {
        int start = sb.length();
        if (o.has(Field.Age)) {
            double age = o.get(Field.Age);
            if (age >= 90) {
                sb.append("age 90+ years"); // HIPAA Safe Harbor: ages over 89 are aggregated
            } else {
                sb.append("age ");
                number(sb, Math.floor(age));
                sb.append(" years");
            }
        }
        if (o.has(Field.Gender)) {
            separator(sb, start, ", ");
            sb.append(o.get(Field.Gender) == 1 ? "male" : "female");
        }
        if (o.get(Field.Unit1) == 1) {
            separator(sb, start, ", ");
            sb.append("medical ICU");
        } else if (o.get(Field.Unit2) == 1) {
            separator(sb, start, ", ");
            sb.append("surgical ICU");
        }
        if (o.has(Field.ICULOS)) {
            separator(sb, start, ", ");
            sb.append("ICU stay ");
            number(sb, o.get(Field.ICULOS));
            sb.append(" h");
        }
        if (o.has(Field.HospAdmTime)) {
            separator(sb, start, ", ");
            sb.append("hospital admission ");
            number(sb, Math.abs(o.get(Field.HospAdmTime)));
            sb.append(" h before ICU admission");
        }
    }

    private static void value(StringBuilder sb, Field f, double v, int listStart) {
        separator(sb, listStart);
        sb.append(f.name()).append(' ');
        number(sb, v);
        unit(sb, f);
        flag(sb, f, v);
    }

    private static void trend(StringBuilder sb, Field f, List<TimedValue> values) {
        int n = values.size();
        sb.append("- ").append(f.name()).append(' ');
        if (n <= TREND_SHOWN) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(" -> ");
                }
                number(sb, values.get(i).value());
            }
        } else {
            number(sb, values.get(0).value());
            sb.append(" -> ...");
            for (int i = n - TREND_TAIL; i < n; i++) {
                sb.append(" -> ");
                number(sb, values.get(i).value());
            }
        }
        unit(sb, f);
        sb.append(" over ").append(n).append(" readings");
        TimedValue first = values.get(0);
        TimedValue last = values.get(n - 1);
        if (first.ts() != null && last.ts() != null) {
            sb.append(" in ");
            duration(sb, Duration.between(first.ts(), last.ts()));
        }
        double delta = last.value() - first.value();
        String direction = direction(f, first.value(), delta);
        sb.append(", ").append(direction);
        if (!direction.equals(STABLE)) {
            sb.append(" (");
            if (delta > 0) {
                sb.append('+');
            }
            number(sb, delta);
            sb.append(')');
        }
        if (n > TREND_SHOWN) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (TimedValue tv : values) {
                min = Math.min(min, tv.value());
                max = Math.max(max, tv.value());
            }
            sb.append("; range ");
            number(sb, min);
            sb.append('-');
            number(sb, max);
        }
        sb.append('\n');
    }

    private static final String STABLE = "stable";

    /** Rising/falling when the net change exceeds a clinically meaningful step for that parameter. */
    private static String direction(Field f, double first, double delta) {
        double step = switch (f) {
            case Temp -> 0.3;
            case pH -> 0.03;
            case FiO2 -> 0.05;
            case O2Sat, SaO2 -> 2;
            case GCS -> 1;
            case Lactate -> 0.5;
            case Creatinine -> 0.3; // KDIGO: a rise of 0.3 mg/dL is acute kidney injury
            case Gender, Unit1, Unit2 -> 0.5;
            default -> Math.max(Math.abs(first) * 0.05, 1e-9);
        };
        if (Math.abs(delta) < step) {
            return STABLE;
        }
        return delta > 0 ? "rising" : "falling";
    }

    private static void score(StringBuilder sb, ScoreResult s) {
        sb.append("- ").append(s.name()).append(' ').append(s.score()).append('/').append(s.maxScore())
                .append(", ").append(s.interpretation());
        if (!s.componentsFired().isEmpty()) {
            sb.append("; fired: ");
            join(sb, s.componentsFired());
        }
        if (!s.missingInputs().isEmpty()) {
            sb.append("; missing inputs: ");
            join(sb, s.missingInputs());
        }
        sb.append('\n');
    }

    private static void quotedList(StringBuilder sb, List<String> items) {
        if (items.isEmpty()) {
            sb.append("none reported");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('"').append(historyItem(items.get(i))).append('"');
        }
    }

    /**
     * One history string made safe to sit outside the notes block: canonical ({@link UntrustedText}, so full-width
     * digits of an MRN meet the redactor's patterns), redacted, one line, no delimiters or quotes.
     */
    static String historyItem(String item) {
        String s = PhiRedactor.redact(UntrustedText.clean(item)).text();
        s = PromptTemplate.neutraliseDelimiters(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '"') {
                out.append('\'');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    // ---- formatting -------------------------------------------------------------------------------------------------

    private static boolean isBedside(Field f) {
        return f.kind == Field.Kind.VITAL || f == Field.GCS || f == Field.Urine_output || f == Field.FiO2;
    }

    private static boolean isLab(Field f) {
        return (f.kind == Field.Kind.LAB && f != Field.FiO2)
                || (f.kind == Field.Kind.EXTRA && f != Field.GCS && f != Field.Urine_output);
    }

    private static void unit(StringBuilder sb, Field f) {
        if (f == Field.FiO2) {
            return; // a fraction: "FiO2 0.4" reads right, "fraction 0.21-1.0" would not
        }
        if (f == Field.GCS) {
            sb.append("/15");
            return;
        }
        if (!f.unit.isEmpty()) {
            sb.append(f.unit.equals("%") ? "" : " ").append(f.unit);
        }
    }

    private static void flag(StringBuilder sb, Field f, double v) {
        double[] r = REFERENCE.get(f);
        if (r == null) {
            return;
        }
        if (v < r[0]) {
            sb.append(" (low)");
        } else if (v > r[1]) {
            sb.append(" (high)");
        }
    }

    private static void separator(StringBuilder sb, int listStart) {
        separator(sb, listStart, "; ");
    }

    private static void separator(StringBuilder sb, int listStart, String sep) {
        if (sb.length() > listStart) {
            sb.append(sep);
        }
    }

    private static void join(StringBuilder sb, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(items.get(i));
        }
    }

    /** "45 min", "2 h", "2 h 30 min", "3 d 4 h"; negative spans cannot occur (readings are sorted). */
    static void duration(StringBuilder sb, Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            sb.append(days).append(" d");
            if (hours > 0) {
                sb.append(' ').append(hours).append(" h");
            }
        } else if (hours > 0) {
            sb.append(hours).append(" h");
            if (mins > 0) {
                sb.append(' ').append(mins).append(" min");
            }
        } else {
            sb.append(mins).append(" min");
        }
    }

    /** Up to three decimals, no trailing zeros, no exponent: 118, 38.9, 0.004, -4.5. */
    static void number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
            return;
        }
        long scaled = Math.round(Math.abs(v) * 1000);
        if (scaled == 0) {
            sb.append('0');
            return;
        }
        if (v < 0) {
            sb.append('-');
        }
        sb.append(scaled / 1000);
        long frac = scaled % 1000;
        if (frac != 0) {
            sb.append('.');
            if (frac < 100) {
                sb.append('0');
            }
            if (frac < 10) {
                sb.append('0');
            }
            while (frac % 10 == 0) {
                frac /= 10;
            }
            sb.append(frac);
        }
    }
}
