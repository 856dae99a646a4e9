package io.sepsis.ml.features;

import io.sepsis.clinical.Field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The model's feature vector, by name and position. The names are written next to the trained model
 * ({@code features.json}) and checked at load, so a model trained on another layout is refused, not mis-scored.
 *
 * <p>Choices, in short (the model card has the reasoning): physiology and trends over measurement habits.
 * Unit1/Unit2 (which ICU) are never features: they encode the hospital, not the patient. Measurement counts
 * are left out for the same reason; hours-since-measured stays because a stale lactate means something
 * clinically, and the Unit1 -> Unit2 shift check reports how it transfers.
 */
public final class FeatureSchema {
    /** Bump when the layout or the meaning of any feature changes. */
    public static final String VERSION = "features-v1";

    /** PhysioNet vital signs and labs the model sees (EtCO2 is missing in every row of set A). */
    static final Field[] MEASURED = measured();
    /** Vital signs with rolling windows. */
    static final Field[] WINDOWED = {Field.HR, Field.O2Sat, Field.Temp, Field.SBP, Field.MAP, Field.DBP, Field.Resp};
    /** Labs with a change-since-previous-draw feature. */
    static final Field[] LABS = labs();
    static final Field[] DEMOGRAPHIC = {Field.Age, Field.Gender, Field.HospAdmTime, Field.ICULOS};

    static final int SHORT_WINDOW = 6;
    static final int LONG_WINDOW = 24;
    static final String[] WINDOW_STATS = {"min6", "max6", "mean6", "slope6", "std6", "mean24", "delta24"};
    static final String[] DERIVED = {
        "shock_index", "shock_index_map", "pulse_pressure", "bun_creatinine_ratio", "spo2_fio2_ratio",
        "sofa_resp", "sofa_coag", "sofa_liver", "sofa_cardio", "sofa_renal", "sofa_partial", "sofa_delta24",
        "qsofa_partial", "sirs_count", "news2_partial", "shock_index_max6"};
    static final String[] CONTEXT = {"hours_observed"};

    private static final List<String> NAMES = buildNames();

    private FeatureSchema() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static int size() {
        return NAMES.size();
    }

    private static List<String> buildNames() {
        List<String> n = new ArrayList<>();
        for (Field f : MEASURED) {
            n.add(f.name());
        }
        for (Field f : MEASURED) {
            n.add(f.name() + "_hours_since");
        }
        for (Field f : WINDOWED) {
            for (String s : WINDOW_STATS) {
                n.add(f.name() + "_" + s);
            }
        }
        for (Field f : LABS) {
            n.add(f.name() + "_change");
        }
        Collections.addAll(n, DERIVED);
        for (Field f : DEMOGRAPHIC) {
            n.add(f.name());
        }
        Collections.addAll(n, CONTEXT);
        return List.copyOf(n);
    }

    private static Field[] measured() {
        List<Field> out = new ArrayList<>();
        for (Field f : Field.values()) {
            if ((f.kind == Field.Kind.VITAL || f.kind == Field.Kind.LAB) && f != Field.EtCO2) {
                out.add(f);
            }
        }
        return out.toArray(new Field[0]);
    }

    private static Field[] labs() {
        List<Field> out = new ArrayList<>();
        for (Field f : MEASURED) {
            if (f.kind == Field.Kind.LAB) {
                out.add(f);
            }
        }
        return out.toArray(new Field[0]);
    }
}
