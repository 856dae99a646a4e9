package io.sepsis.guardrail.config;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.score.Sofa;
import io.sepsis.clinical.Observation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule reads from an {@link Observation}: a {@link Field} by its canonical name ("SBP", "Lactate",
 * "Urine_output", "GCS"), or a derived value: {@code MAP} is {@link Observation#mapOrEstimate()} (measured, else
 * (SBP + 2·DBP) / 3) and {@code PaO2_FiO2} is PaO2 / FiO2 (both must be measured). NaN when it cannot be read.
 */
public final class Parameter {
    public static final String MAP = "MAP";
    public static final String PF_RATIO = "PaO2_FiO2";

    private enum Kind { FIELD, MAP, PF_RATIO }

    private static final Map<String, Parameter> BY_NAME;

    static {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            if (f != Field.MAP) {
                m.put(f.name(), new Parameter(f.name(), Kind.FIELD, f, f.unit));
            }
        }
        m.put(MAP, new Parameter(MAP, Kind.MAP, Field.MAP, "mmHg"));
        m.put(PF_RATIO, new Parameter(PF_RATIO, Kind.PF_RATIO, null, "mmHg"));
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private final String name;
    private final Kind kind;
    private final Field field;
    private final String unit;

    private Parameter(String name, Kind kind, Field field, String unit) {
        this.name = name;
        this.kind = kind;
        this.field = field;
        this.unit = unit;
    }

    /** By exact canonical name (case matters: "Lactate", not "lactate"). */
    public static Optional<Parameter> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A canonical name that differs only by case or alias, for error messages ("lactate" -> "Lactate"). */
    public static Optional<String> suggestion(String name) {
        for (String k : BY_NAME.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return Optional.of(k);
            }
        }
        return Field.lookup(name).map(f -> f == Field.MAP ? MAP : f.name());
    }

    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    public String name() {
        return name;
    }

    /** The unit of the value this parameter reads (the API contract's unit of the field). */
    public String unit() {
        return unit;
    }

    public double value(Observation o) {
        switch (kind) {
            case MAP:
                return o.mapOrEstimate();
            case PF_RATIO:
                double pao2 = o.get(Field.PaO2);
                double fio2 = o.get(Field.FiO2);
                if (!(fio2 > 0) || Double.isNaN(pao2)) {
                    return Double.NaN;
                }
                return Sofa.ratio(pao2, fio2); // the SOFA rounding: 112 / 0.28 lands on 400
            default:
                return o.get(field);
        }
    }

    /** True when the value is estimated rather than measured (MAP from SBP and DBP). */
    public boolean estimated(Observation o) {
        return kind == Kind.MAP && !o.has(Field.MAP);
    }

    /** Whether a configured unit spelling means this parameter's unit ("mEq/L" = "mmol/L", "K/µL" = "10^3/µL"). */
    public boolean acceptsUnit(String configured) {
        return canonicalUnit(configured).equals(canonicalUnit(unit));
    }

    static String canonicalUnit(String u) {
        String s = u.toLowerCase(Locale.ROOT).replace(" ", "").replace('µ', 'u').replace('μ', 'u');
        switch (s) {
            case "meq/l":
                return "mmol/l";
            case "breaths/min":
            case "beats/min":
            case "bpm":
            case "/min":
                return "/min";
            case "°c":
            case "degc":
                return "c";
            case "iu/l":
                return "u/l";
            case "thousand/ul":
            case "k/ul":
            case "x10^3/ul":
            case "10^9/l":
                return "10^3/ul";
            case "sec":
            case "second":
            case "seconds":
                return "s";
            case "ml/kg/hr":
                return "ml/kg/h";
            case "3-15":
                return ""; // GCS: points
            default:
                return s;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
