package io.sepsis.clinical.score;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/**
 * Systemic inflammatory response syndrome criteria (ACCP/SCCM consensus, Bone RC et al., Chest 1992;101:1644-55):
 * temperature > 38 or < 36 °C; heart rate > 90/min; respiratory rate > 20/min or PaCO2 < 32 mmHg; WBC > 12 or
 * < 4 x10^3/µL or > 10 % immature (band) forms. NaN (not measured) never meets a criterion.
 *
 * <p>Missing inputs: Temp, HR, Resp and WBC are the primary inputs. PaCO2 and bands are alternatives that can meet
 * a criterion on their own but are not reported missing (they are rarely measured); Resp or WBC is reported
 * missing when its criterion is not met and it was not measured.
 */
public final class Sirs {
    public static final String NAME = "SIRS";
    public static final int MAX = 4;

    static final String TEMP_HIGH = "Temp > 38.0 °C";
    static final String TEMP_LOW = "Temp < 36.0 °C";
    static final String HR = "HR > 90/min";
    static final String RESP = "Resp > 20/min";
    static final String PACO2 = "PaCO2 < 32 mmHg";
    static final String WBC_HIGH = "WBC > 12 x10^3/µL";
    static final String WBC_LOW = "WBC < 4 x10^3/µL";
    static final String BANDS = "bands > 10 %";
    static final String MET = "SIRS criteria met";
    static final String NOT_MET = "SIRS criteria not met";
    private static final String MET_PARTIAL = MET + ScoreResult.PARTIAL;
    private static final String NOT_MET_PARTIAL = NOT_MET + ScoreResult.PARTIAL;

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

    /** Number of SIRS criteria met (0-4); ">= 2" is SIRS. */
    public static ScoreResult evaluate(Observation o) {
        Parts fired = new Parts(4);
        Parts missing = new Parts(4);
        int score = 0;

        double temp = o.get(Field.Temp);
        if (temperatureMet(temp)) {
            score++;
            fired.add(temp > 37 ? TEMP_HIGH : TEMP_LOW); // which side of the normal range
        } else if (Double.isNaN(temp)) {
            missing.add(Field.Temp.name());
        }

        double hr = o.get(Field.HR);
        if (heartRateMet(hr)) {
            score++;
            fired.add(HR);
        } else if (Double.isNaN(hr)) {
            missing.add(Field.HR.name());
        }

        double resp = o.get(Field.Resp);
        double paco2 = o.get(Field.PaCO2);
        if (respirationMet(resp, paco2)) {
            score++;
            fired.add(respirationMet(resp, Double.NaN) ? RESP : PACO2);
        } else if (Double.isNaN(resp)) {
            missing.add(Field.Resp.name());
        }

        double wbc = o.get(Field.WBC);
        double bands = o.get(Field.Bands);
        if (wbcMet(wbc, bands)) {
            score++;
            fired.add(wbcMet(wbc, Double.NaN) ? (wbc > 8 ? WBC_HIGH : WBC_LOW) : BANDS);
        } else if (Double.isNaN(wbc)) {
            missing.add(Field.WBC.name());
        }

        boolean partial = !missing.isEmpty();
        String interpretation = score >= 2 ? (partial ? MET_PARTIAL : MET) : (partial ? NOT_MET_PARTIAL : NOT_MET);
        return new ScoreResult(NAME, score, MAX, fired.toList(), missing.toList(), interpretation);
    }
}
