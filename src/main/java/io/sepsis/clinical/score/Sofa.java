package io.sepsis.clinical.score;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;

/**
 * Sequential Organ Failure Assessment organ points (Vincent JL et al., Intensive Care Med 1996;22:707-710; used by
 * Sepsis-3 to define organ dysfunction as an acute rise of >= 2 points). Each function returns 0-4 and 0 for NaN;
 * callers report missing inputs separately.
 *
 * <p>Limits of what a request can tell: vasopressor doses and mechanical ventilation are not inputs, so the
 * cardiovascular system scores at most 1 (MAP < 70 mmHg), and respiration scores 3-4 from the ratio alone (the
 * original SOFA requires respiratory support for 3-4; ratios below 200 are scored as if supported, the safe side for
 * an early warning). Without PaO2, the SpO2/FiO2 ratio stands in with the cut points of Pandharipande PP et al.
 * (Crit Care Med 2009;37:1317-21): S/F < 512, 357, 214, 89 for 1-4 points, valid only while SpO2 <= 97 %. Ratios are
 * rounded to 6 decimals before comparison so that e.g. PaO2 112 on FiO2 0.28 is exactly 400 (0 points).
 */
public final class Sofa {
    public static final String NAME = "SOFA";
    /** The full SOFA scale (6 systems x 4); from this service's inputs cardiovascular scores at most 1. */
    public static final int MAX = 24;

    // Index = points (0 unused).
    static final String[] PF = {null, "PaO2/FiO2 < 400 (1 pt)", "PaO2/FiO2 < 300 (2 pts)",
        "PaO2/FiO2 < 200 (3 pts)", "PaO2/FiO2 < 100 (4 pts)"};
    static final String[] SF = {null, "SpO2/FiO2 < 512 (1 pt, S/F surrogate)", "SpO2/FiO2 < 357 (2 pts, S/F surrogate)",
        "SpO2/FiO2 < 214 (3 pts, S/F surrogate)", "SpO2/FiO2 < 89 (4 pts, S/F surrogate)"};
    static final String[] COAGULATION = {null, "platelets < 150 (1 pt)", "platelets < 100 (2 pts)",
        "platelets < 50 (3 pts)", "platelets < 20 (4 pts)"};
    static final String[] LIVER = {null, "bilirubin >= 1.2 mg/dL (1 pt)", "bilirubin >= 2.0 mg/dL (2 pts)",
        "bilirubin >= 6.0 mg/dL (3 pts)", "bilirubin >= 12.0 mg/dL (4 pts)"};
    static final String MAP_LOW = "MAP < 70 mmHg (1 pt)";
    static final String MAP_LOW_ESTIMATED = "MAP < 70 mmHg, estimated from SBP/DBP (1 pt)";
    static final String[] CNS = {null, "GCS 13-14 (1 pt)", "GCS 10-12 (2 pts)", "GCS 6-9 (3 pts)",
        "GCS < 6 (4 pts)"};
    static final String[] RENAL = {null, "creatinine >= 1.2 mg/dL (1 pt)", "creatinine >= 2.0 mg/dL (2 pts)",
        "creatinine >= 3.5 mg/dL (3 pts)", "creatinine >= 5.0 mg/dL (4 pts)"};
    static final String DYSFUNCTION = "organ dysfunction (SOFA >= 2, baseline assumed 0)";
    static final String NO_DYSFUNCTION = "no organ dysfunction by SOFA (< 2)";
    private static final String DYSFUNCTION_PARTIAL = DYSFUNCTION + ScoreResult.PARTIAL;
    private static final String NO_DYSFUNCTION_PARTIAL = NO_DYSFUNCTION + ScoreResult.PARTIAL;

    private Sofa() {
    }

    /**
     * SOFA over the organ systems whose inputs are present: respiration (PaO2 or SpO2 <= 97 %, with FiO2),
     * coagulation (platelets), liver (total bilirubin), cardiovascular (MAP, measured or estimated from SBP/DBP),
     * CNS (GCS) and renal (creatinine). A system without its inputs scores 0 and its inputs are reported missing:
     * respiration reports FiO2 when FiO2 is missing, and PaO2 (plus O2Sat when that is missing too) when neither a
     * PaO2 nor a usable SpO2 (<= 97 %) is available; cardiovascular reports MAP when neither MAP nor SBP and DBP are.
     */
    public static ScoreResult evaluate(Observation o) {
        Parts fired = new Parts(6);
        Parts missing = new Parts(8);
        int score = 0;

        double pao2 = o.get(Field.PaO2);
        double spo2 = o.get(Field.O2Sat);
        double fio2 = o.get(Field.FiO2);
        int pts = respirationPoints(pao2, spo2, fio2);
        if (pts > 0) {
            score += pts;
            fired.add(Double.isNaN(pao2) ? SF[pts] : PF[pts]);
        } else {
            if (Double.isNaN(fio2)) {
                missing.add(Field.FiO2.name());
            }
            if (Double.isNaN(pao2) && !(spo2 <= 97)) {
                missing.add(Field.PaO2.name());
                if (Double.isNaN(spo2)) {
                    missing.add(Field.O2Sat.name());
                }
            }
        }

        double platelets = o.get(Field.Platelets);
        pts = coagulationPoints(platelets);
        if (pts > 0) {
            score += pts;
            fired.add(COAGULATION[pts]);
        } else if (Double.isNaN(platelets)) {
            missing.add(Field.Platelets.name());
        }

        double bilirubin = o.get(Field.Bilirubin_total);
        pts = liverPoints(bilirubin);
        if (pts > 0) {
            score += pts;
            fired.add(LIVER[pts]);
        } else if (Double.isNaN(bilirubin)) {
            missing.add(Field.Bilirubin_total.name());
        }

        double map = o.mapOrEstimate();
        pts = cardiovascularPoints(map);
        if (pts > 0) {
            score += pts;
            fired.add(o.has(Field.MAP) ? MAP_LOW : MAP_LOW_ESTIMATED);
        } else if (Double.isNaN(map)) {
            missing.add(Field.MAP.name());
        }

        double gcs = o.get(Field.GCS);
        pts = cnsPoints(gcs);
        if (pts > 0) {
            score += pts;
            fired.add(CNS[pts]);
        } else if (Double.isNaN(gcs)) {
            missing.add(Field.GCS.name());
        }

        double creatinine = o.get(Field.Creatinine);
        pts = renalPoints(creatinine);
        if (pts > 0) {
            score += pts;
            fired.add(RENAL[pts]);
        } else if (Double.isNaN(creatinine)) {
            missing.add(Field.Creatinine.name());
        }

        boolean partial = !missing.isEmpty();
        String interpretation = score >= 2 ? (partial ? DYSFUNCTION_PARTIAL : DYSFUNCTION)
                : (partial ? NO_DYSFUNCTION_PARTIAL : NO_DYSFUNCTION);
        return new ScoreResult(NAME, score, MAX, fired.toList(), missing.toList(), interpretation);
    }

    /** PaO2/FiO2 (mmHg): < 400 -> 1, < 300 -> 2, < 200 -> 3, < 100 -> 4; else the SpO2/FiO2 surrogate. */
    public static int respirationPoints(double pao2, double spo2, double fio2) {
        if (!(fio2 > 0)) {
            return 0;
        }
        if (!Double.isNaN(pao2)) {
            double pf = ratio(pao2, fio2);
            return pf < 100 ? 4 : pf < 200 ? 3 : pf < 300 ? 2 : pf < 400 ? 1 : 0;
        }
        if (!(spo2 <= 97)) {
            return 0; // S/F is uninformative on the flat top of the oxyhaemoglobin curve
        }
        double sf = ratio(spo2, fio2);
        return sf < 89 ? 4 : sf < 214 ? 3 : sf < 357 ? 2 : sf < 512 ? 1 : 0;
    }

    /**
     * a / b rounded to 6 decimals, so a ratio that is exactly on a cut point in decimal arithmetic lands on it:
     * 112 / 0.28 is 399.99999999999994 in binary floating point, which would wrongly score P/F "< 400". Shared with
     * the guardrail's PaO2/FiO2 rules, so both land on the same side of every cut point.
     */
    public static double ratio(double a, double b) {
        return Math.rint(a / b * 1e6) / 1e6;
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
