package io.sepsis.clinical.score;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/**
 * National Early Warning Score 2 parameter points (Royal College of Physicians, NEWS2, December 2017), SpO2 scale 1.
 * Each function returns 0 for NaN; callers report missing inputs separately.
 */
public final class News2 {
    public static final String NAME = "NEWS2";
    /** 3 + 3 + 2 + 3 + 3 + 3 + 3: respiration, SpO2, air/oxygen, SBP, pulse, consciousness, temperature. */
    public static final int MAX = 20;

    static final String RESP_LE_8 = "Resp <= 8/min (3 pts)";
    static final String RESP_9_11 = "Resp 9-11/min (1 pt)";
    static final String RESP_21_24 = "Resp 21-24/min (2 pts)";
    static final String RESP_GE_25 = "Resp >= 25/min (3 pts)";
    static final String[] SPO2 = {null, "SpO2 94-95 % (1 pt)", "SpO2 92-93 % (2 pts)", "SpO2 <= 91 % (3 pts)"};
    static final String OXYGEN = "supplemental oxygen, FiO2 > 0.21 (2 pts)";
    static final String SBP_LE_90 = "SBP <= 90 mmHg (3 pts)";
    static final String SBP_91_100 = "SBP 91-100 mmHg (2 pts)";
    static final String SBP_101_110 = "SBP 101-110 mmHg (1 pt)";
    static final String SBP_GE_220 = "SBP >= 220 mmHg (3 pts)";
    static final String HR_LE_40 = "HR <= 40/min (3 pts)";
    static final String HR_41_50 = "HR 41-50/min (1 pt)";
    static final String HR_91_110 = "HR 91-110/min (1 pt)";
    static final String HR_111_130 = "HR 111-130/min (2 pts)";
    static final String HR_GE_131 = "HR >= 131/min (3 pts)";
    static final String CONSCIOUSNESS_GCS = "not alert, GCS < 15 (3 pts)";
    static final String CONSCIOUSNESS_NOTES = "new confusion in notes (3 pts)";
    static final String TEMP_LE_35 = "Temp <= 35.0 °C (3 pts)";
    static final String TEMP_35_36 = "Temp 35.1-36.0 °C (1 pt)";
    static final String TEMP_38_39 = "Temp 38.1-39.0 °C (1 pt)";
    static final String TEMP_GE_39_1 = "Temp >= 39.1 °C (2 pts)";
    static final String LOW = "low risk";
    static final String LOW_MEDIUM = "low-medium risk (3 in a single parameter)";
    static final String MEDIUM = "medium risk";
    static final String HIGH = "high risk";
    private static final String LOW_PARTIAL = LOW + ScoreResult.PARTIAL;
    private static final String LOW_MEDIUM_PARTIAL = LOW_MEDIUM + ScoreResult.PARTIAL;
    private static final String MEDIUM_PARTIAL = MEDIUM + ScoreResult.PARTIAL;
    private static final String HIGH_PARTIAL = HIGH + ScoreResult.PARTIAL;

    private News2() {
    }

    /** NEWS2 from measured values only (consciousness from GCS). */
    public static ScoreResult evaluate(Observation o) {
        return evaluate(o, false);
    }

    /**
     * NEWS2 aggregate (SpO2 scale 1) with the RCP clinical-risk bands: 0-4 low, a 3 in any single parameter
     * low-medium, 5-6 medium, >= 7 high. Consciousness scores 3 for GCS < 15 or for new confusion found in clinical
     * notes. Oxygen scores only when FiO2 is known: a missing FiO2 is reported and room air is assumed.
     */
    public static ScoreResult evaluate(Observation o, boolean alteredMentationFromNotes) {
        Parts fired = new Parts(7);
        Parts missing = new Parts(7);
        int score = 0;
        boolean anyThree = false;

        double resp = o.get(Field.Resp);
        int pts = respirationPoints(resp);
        if (pts > 0) {
            score += pts;
            anyThree |= pts == 3;
            fired.add(pts == 1 ? RESP_9_11 : pts == 2 ? RESP_21_24 : resp < 16 ? RESP_LE_8 : RESP_GE_25);
        } else if (Double.isNaN(resp)) {
            missing.add(Field.Resp.name());
        }

        double spo2 = o.get(Field.O2Sat);
        pts = spo2Points(spo2);
        if (pts > 0) {
            score += pts;
            anyThree |= pts == 3;
            fired.add(SPO2[pts]);
        } else if (Double.isNaN(spo2)) {
            missing.add(Field.O2Sat.name());
        }

        double fio2 = o.get(Field.FiO2);
        pts = oxygenPoints(fio2);
        if (pts > 0) {
            score += pts;
            fired.add(OXYGEN);
        } else if (Double.isNaN(fio2)) {
            missing.add(Field.FiO2.name()); // scored as room air
        }

        double sbp = o.get(Field.SBP);
        pts = systolicPoints(sbp);
        if (pts > 0) {
            score += pts;
            anyThree |= pts == 3;
            fired.add(pts == 1 ? SBP_101_110 : pts == 2 ? SBP_91_100 : sbp < 160 ? SBP_LE_90 : SBP_GE_220);
        } else if (Double.isNaN(sbp)) {
            missing.add(Field.SBP.name());
        }

        double hr = o.get(Field.HR);
        pts = pulsePoints(hr);
        if (pts > 0) {
            score += pts;
            anyThree |= pts == 3;
            fired.add(pts == 2 ? HR_111_130 : pts == 1 ? (hr < 70 ? HR_41_50 : HR_91_110)
                    : (hr < 70 ? HR_LE_40 : HR_GE_131));
        } else if (Double.isNaN(hr)) {
            missing.add(Field.HR.name());
        }

        double gcs = o.get(Field.GCS);
        pts = consciousnessPoints(gcs);
        if (pts > 0) {
            score += pts;
            anyThree = true;
            fired.add(CONSCIOUSNESS_GCS);
        } else if (alteredMentationFromNotes) {
            score += 3;
            anyThree = true;
            fired.add(CONSCIOUSNESS_NOTES);
        } else if (Double.isNaN(gcs)) {
            missing.add(Field.GCS.name());
        }

        double temp = o.get(Field.Temp);
        pts = temperaturePoints(temp);
        if (pts > 0) {
            score += pts;
            anyThree |= pts == 3;
            fired.add(pts == 3 ? TEMP_LE_35 : pts == 2 ? TEMP_GE_39_1 : temp < 37 ? TEMP_35_36 : TEMP_38_39);
        } else if (Double.isNaN(temp)) {
            missing.add(Field.Temp.name());
        }

        boolean partial = !missing.isEmpty();
        String interpretation;
        if (score >= 7) {
            interpretation = partial ? HIGH_PARTIAL : HIGH;
        } else if (score >= 5) {
            interpretation = partial ? MEDIUM_PARTIAL : MEDIUM;
        } else if (anyThree) {
            interpretation = partial ? LOW_MEDIUM_PARTIAL : LOW_MEDIUM;
        } else {
            interpretation = partial ? LOW_PARTIAL : LOW;
        }
        return new ScoreResult(NAME, score, MAX, fired.toList(), missing.toList(), interpretation);
    }

    /** Respiration rate: <= 8 -> 3, 9-11 -> 1, 12-20 -> 0, 21-24 -> 2, >= 25 -> 3. */
    public static int respirationPoints(double resp) {
        if (Double.isNaN(resp)) {
            return 0;
        }
        return resp <= 8 ? 3 : resp <= 11 ? 1 : resp <= 20 ? 0 : resp <= 24 ? 2 : 3;
    }

    /** SpO2 scale 1: <= 91 -> 3, 92-93 -> 2, 94-95 -> 1, >= 96 -> 0. */
    public static int spo2Points(double spo2) {
        if (Double.isNaN(spo2)) {
            return 0;
        }
        return spo2 <= 91 ? 3 : spo2 <= 93 ? 2 : spo2 <= 95 ? 1 : 0;
    }

    /** Air or oxygen: supplemental oxygen (FiO2 above room air, 0.21) -> 2. */
    public static int oxygenPoints(double fio2) {
        return fio2 > 0.21 ? 2 : 0;
    }

    /** Systolic blood pressure: <= 90 -> 3, 91-100 -> 2, 101-110 -> 1, 111-219 -> 0, >= 220 -> 3. */
    public static int systolicPoints(double sbp) {
        if (Double.isNaN(sbp)) {
            return 0;
        }
        return sbp <= 90 ? 3 : sbp <= 100 ? 2 : sbp <= 110 ? 1 : sbp < 220 ? 0 : 3;
    }

    /** Pulse: <= 40 -> 3, 41-50 -> 1, 51-90 -> 0, 91-110 -> 1, 111-130 -> 2, >= 131 -> 3. */
    public static int pulsePoints(double hr) {
        if (Double.isNaN(hr)) {
            return 0;
        }
        return hr <= 40 ? 3 : hr <= 50 ? 1 : hr <= 90 ? 0 : hr <= 110 ? 1 : hr <= 130 ? 2 : 3;
    }

    /** Consciousness: new confusion or any ACVPU below Alert -> 3; GCS < 15 is taken as not Alert. */
    public static int consciousnessPoints(double gcs) {
        return gcs < 15 ? 3 : 0;
    }

    /** Temperature (°C): <= 35.0 -> 3, 35.1-36.0 -> 1, 36.1-38.0 -> 0, 38.1-39.0 -> 1, >= 39.1 -> 2. */
    public static int temperaturePoints(double temp) {
        if (Double.isNaN(temp)) {
            return 0;
        }
        return temp <= 35.0 ? 3 : temp <= 36.0 ? 1 : temp <= 38.0 ? 0 : temp <= 39.0 ? 1 : 2;
    }
}
