package io.sepsis.clinical.score;

/**
 * Systemic inflammatory response syndrome criteria (ACCP/SCCM consensus, Bone RC et al., Chest 1992;101:1644-55):
 * temperature > 38 or < 36 °C; heart rate > 90/min; respiratory rate > 20/min or PaCO2 < 32 mmHg; WBC > 12 or
 * < 4 x10^3/µL or > 10 % immature (band) forms. NaN (not measured) never meets a criterion.
 */
public final class Sirs {
    private Sirs() {
    }

    public static boolean temperatureMet(double temp) {
        return temp > 38 || temp < 36;
    }

    public static boolean heartRateMet(double hr) {
        return hr > 90;
    }

    public static boolean respirationMet(double resp, double paco2) {
        return resp > 20 || paco2 < 32;
    }

    public static boolean wbcMet(double wbc, double bands) {
        return wbc > 12 || wbc < 4 || bands > 10;
    }
}
