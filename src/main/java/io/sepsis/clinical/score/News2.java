package io.sepsis.clinical.score;

/**
 * National Early Warning Score 2 parameter points (Royal College of Physicians, NEWS2, December 2017), SpO2 scale 1.
 * Each function returns 0 for NaN; callers report missing inputs separately.
 */
public final class News2 {
    private News2() {
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
