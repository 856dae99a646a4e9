package io.sepsis.clinical.score;

/**
 * Sequential Organ Failure Assessment organ points (Vincent JL et al., Intensive Care Med 1996;22:707-710; used by
 * Sepsis-3 to define organ dysfunction as an acute rise of >= 2 points). Each function returns 0-4 and 0 for NaN;
 * callers report missing inputs separately.
 *
 * <p>Limits of what a request can tell: vasopressor doses and mechanical ventilation are not inputs, so the
 * cardiovascular system scores at most 1 (MAP < 70 mmHg) and respiration scores 3-4 only from a PaO2/FiO2 ratio
 * (the original SOFA requires respiratory support for 3-4; ratios below 200 are scored as if supported, the safe
 * side for an early warning). Without PaO2, the SpO2/FiO2 ratio stands in with the cut points of Pandharipande PP
 * et al. (Crit Care Med 2009;37:1317-21): S/F < 512, 357, 214, 89 for 1-4 points, valid only while SpO2 <= 97 %.
 */
public final class Sofa {
    private Sofa() {
    }

    /** PaO2/FiO2 (mmHg): < 400 -> 1, < 300 -> 2, < 200 -> 3, < 100 -> 4; else the SpO2/FiO2 surrogate. */
    public static int respirationPoints(double pao2, double spo2, double fio2) {
        if (!(fio2 > 0)) {
            return 0;
        }
        if (!Double.isNaN(pao2)) {
            double pf = pao2 / fio2;
            return pf < 100 ? 4 : pf < 200 ? 3 : pf < 300 ? 2 : pf < 400 ? 1 : 0;
        }
        if (!(spo2 <= 97)) {
            return 0; // S/F is uninformative on the flat top of the oxyhaemoglobin curve
        }
        double sf = spo2 / fio2;
        return sf < 89 ? 4 : sf < 214 ? 3 : sf < 357 ? 2 : sf < 512 ? 1 : 0;
    }

    /** Platelets (10^3/µL): < 150 -> 1, < 100 -> 2, < 50 -> 3, < 20 -> 4. */
    public static int coagulationPoints(double platelets) {
        return platelets < 20 ? 4 : platelets < 50 ? 3 : platelets < 100 ? 2 : platelets < 150 ? 1 : 0;
    }

    /** Total bilirubin (mg/dL): >= 1.2 -> 1, >= 2.0 -> 2, >= 6.0 -> 3, >= 12.0 -> 4. */
    public static int liverPoints(double bilirubin) {
        return bilirubin >= 12 ? 4 : bilirubin >= 6 ? 3 : bilirubin >= 2 ? 2 : bilirubin >= 1.2 ? 1 : 0;
    }

    /** MAP < 70 mmHg -> 1 (higher points need vasopressor doses, which are not inputs). */
    public static int cardiovascularPoints(double map) {
        return map < 70 ? 1 : 0;
    }

    /** Glasgow Coma Scale: 13-14 -> 1, 10-12 -> 2, 6-9 -> 3, < 6 -> 4. */
    public static int cnsPoints(double gcs) {
        return gcs < 6 ? 4 : gcs < 10 ? 3 : gcs < 13 ? 2 : gcs < 15 ? 1 : 0;
    }

    /** Creatinine (mg/dL): >= 1.2 -> 1, >= 2.0 -> 2, >= 3.5 -> 3, >= 5.0 -> 4. */
    public static int renalPoints(double creatinine) {
        return creatinine >= 5 ? 4 : creatinine >= 3.5 ? 3 : creatinine >= 2 ? 2 : creatinine >= 1.2 ? 1 : 0;
    }
}
