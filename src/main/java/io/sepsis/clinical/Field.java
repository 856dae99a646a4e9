package io.sepsis.clinical;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every clinical input the service understands, in PhysioNet 2019 column order first (ordinal == PSV column
 * index for the first 40), then the extra parameters used by clinical scores and the guardrail only.
 *
 * <p>The plausible range is the one place that decides what is physiologically possible: requests outside it are
 * rejected with a 400 naming the field, and the training pipeline turns such values in the data into "not
 * measured" (set A contains e.g. Potassium 27.5, BaseExcess 100, HCO3 0). Ranges are deliberately wide: they
 * reject impossible values and unit mix-ups, not abnormal ones.
 */
public enum Field {
    HR("beats/min", Kind.VITAL, 0, 300, null, "heart_rate", "hr", "pulse"),
    O2Sat("%", Kind.VITAL, 0, 100, null, "spo2", "o2_sat", "oxygen_saturation", "sao2_pulse"),
    Temp("°C", Kind.VITAL, 15, 45, "looks like °F; send °C (°C = (°F - 32) / 1.8)", "temperature", "temp_c"),
    SBP("mmHg", Kind.VITAL, 0, 350, null, "sbp", "systolic_bp", "systolic"),
    MAP("mmHg", Kind.VITAL, 0, 300, null, "map", "mean_arterial_pressure"),
    DBP("mmHg", Kind.VITAL, 0, 300, null, "dbp", "diastolic_bp", "diastolic"),
    Resp("breaths/min", Kind.VITAL, 0, 100, null, "resp", "respiratory_rate", "resp_rate", "rr"),
    EtCO2("mmHg", Kind.VITAL, 0, 150, null, "etco2"),
    BaseExcess("mmol/L", Kind.LAB, -40, 40, null, "base_excess", "be"),
    HCO3("mmol/L", Kind.LAB, 1, 70, null, "hco3", "bicarbonate"),
    FiO2("fraction 0.21-1.0", Kind.LAB, 0.21, 1.0, "looks like a percentage; send a fraction (40 % -> 0.40)", "fio2"),
    pH("", Kind.LAB, 6.5, 8.0, null, "ph"),
    PaCO2("mmHg", Kind.LAB, 5, 200, null, "paco2"),
    SaO2("%", Kind.LAB, 0, 100, null, "sao2"),
    AST("IU/L", Kind.LAB, 0, 30000, null, "ast"),
    BUN("mg/dL", Kind.LAB, 0, 400, "looks like mmol/L urea? send BUN in mg/dL", "bun", "urea_nitrogen"),
    Alkalinephos("IU/L", Kind.LAB, 0, 10000, null, "alkalinephos", "alkaline_phosphatase", "alp"),
    Calcium("mg/dL", Kind.LAB, 0.5, 25, null, "calcium"),
    Chloride("mmol/L", Kind.LAB, 50, 200, null, "chloride"),
    Creatinine("mg/dL", Kind.LAB, 0, 50, "looks like µmol/L; send mg/dL (µmol/L / 88.4)", "creatinine", "creat"),
    Bilirubin_direct("mg/dL", Kind.LAB, 0, 60, null, "bilirubin_direct", "direct_bilirubin"),
    Glucose("mg/dL", Kind.LAB, 5, 3000, null, "glucose"),
    Lactate("mmol/L", Kind.LAB, 0, 40, "looks like mg/dL; send mmol/L (mg/dL / 9.01)", "lactate", "lactic_acid"),
    Magnesium("mg/dL", Kind.LAB, 0, 20, null, "magnesium", "mg"),
    Phosphate("mg/dL", Kind.LAB, 0, 30, null, "phosphate"),
    Potassium("mmol/L", Kind.LAB, 0.5, 15, null, "potassium", "k"),
    Bilirubin_total("mg/dL", Kind.LAB, 0, 80, "looks like µmol/L; send mg/dL (µmol/L / 17.1)", "bilirubin_total",
            "bilirubin", "total_bilirubin"),
    TroponinI("ng/mL", Kind.LAB, 0, 1000, null, "troponini", "troponin_i", "troponin"),
    Hct("%", Kind.LAB, 0, 80, null, "hct", "hematocrit"),
    Hgb("g/dL", Kind.LAB, 0, 30, null, "hgb", "hemoglobin", "haemoglobin"),
    PTT("s", Kind.LAB, 5, 300, null, "ptt", "aptt"),
    WBC("10^3/µL", Kind.LAB, 0, 1000, "looks like cells/µL; send 10^3/µL (15500 -> 15.5)", "wbc",
            "white_blood_cells", "white_cell_count"),
    Fibrinogen("mg/dL", Kind.LAB, 0, 3000, null, "fibrinogen"),
    Platelets("10^3/µL", Kind.LAB, 0, 5000, null, "platelets", "plt", "platelet_count"),
    Age("years", Kind.DEMOGRAPHIC, 0, 125, null, "age"),
    Gender("0 female, 1 male", Kind.DEMOGRAPHIC, 0, 1, null, "gender", "sex"),
    Unit1("0/1 (MICU)", Kind.DEMOGRAPHIC, 0, 1, null, "unit1"),
    Unit2("0/1 (SICU)", Kind.DEMOGRAPHIC, 0, 1, null, "unit2"),
    HospAdmTime("hours", Kind.DEMOGRAPHIC, -87600, 87600, null, "hospadmtime", "hosp_adm_time"),
    ICULOS("hours", Kind.DEMOGRAPHIC, 0, 87600, null, "iculos", "icu_los", "icu_length_of_stay"),
    // Not PhysioNet columns: used by the clinical scores and the guardrail, never by the model.
    GCS("3-15", Kind.EXTRA, 3, 15, null, "gcs", "glasgow_coma_scale"),
    PaO2("mmHg", Kind.EXTRA, 10, 800, null, "pao2"),
    INR("", Kind.EXTRA, 0.5, 25, null, "inr"),
    D_dimer("µg/mL FEU", Kind.EXTRA, 0, 200, "looks like ng/mL; send µg/mL FEU (ng/mL / 1000)", "d_dimer", "ddimer"),
    Urine_output("mL/kg/h", Kind.EXTRA, 0, 50, "looks like mL/h; send mL/kg/h", "urine_output", "uop"),
    Procalcitonin("ng/mL", Kind.EXTRA, 0, 1000, null, "procalcitonin", "pct"),
    CRP("mg/L", Kind.EXTRA, 0, 1000, null, "crp", "c_reactive_protein"),
    BNP("pg/mL", Kind.EXTRA, 0, 100000, null, "bnp"),
    ALT("U/L", Kind.EXTRA, 0, 30000, null, "alt"),
    Sodium("mmol/L", Kind.EXTRA, 90, 200, null, "sodium", "na"),
    Bands("%", Kind.EXTRA, 0, 100, null, "bands"),
    Neutrophils("%", Kind.EXTRA, 0, 100, null, "neutrophils"),
    Lymphocytes("10^3/µL", Kind.EXTRA, 0, 100, null, "lymphocytes");

    /** Where a field comes from; the model uses VITAL, LAB and some DEMOGRAPHIC fields. */
    public enum Kind { VITAL, LAB, DEMOGRAPHIC, EXTRA }

    /** Number of PhysioNet 2019 data columns (without SepsisLabel). */
    public static final int PSV_COLUMNS = 40;
    public static final int COUNT = values().length;
    private static final Field[] VALUES = values();
    private static final Map<String, Field> BY_NAME = new HashMap<>();

    static {
        for (Field f : VALUES) {
            BY_NAME.put(f.name().toLowerCase(Locale.ROOT), f);
            for (String a : f.aliases) {
                Field previous = BY_NAME.put(a, f);
                if (previous != null && previous != f) {
                    throw new IllegalStateException("alias " + a + " maps to " + previous + " and " + f);
                }
            }
        }
    }

    public final String unit;
    public final Kind kind;
    public final double min;
    public final double max;
    private final String unitHint;
    private final List<String> aliases;

    Field(String unit, Kind kind, double min, double max, String unitHint, String... aliases) {
        this.unit = unit;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.unitHint = unitHint;
        this.aliases = List.of(aliases);
    }

    public static Field byOrdinal(int i) {
        return VALUES[i];
    }

    /** Canonical name or alias, case-insensitive ("heart_rate", "HR", "hr" -> HR). */
    public static Optional<Field> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<String> aliases() {
        return aliases;
    }

    public boolean isPlausible(double v) {
        return v >= min && v <= max; // false for NaN and infinities
    }

    /** Message for a value outside the plausible range, with a unit hint where a mix-up is the likely cause. */
    public String rangeMessage(double v) {
        String base = "must be between " + fmt(min) + " and " + fmt(max) + (unit.isEmpty() ? "" : " (" + unit + ")");
        return unitHint != null && v > max ? base + "; " + unitHint : base;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }
}
