package io.sepsis.clinical;

import java.util.List;

/**
 * Operational proxy of Sepsis-3 septic shock (Singer M et al., JAMA 2016;315(8):801-810: vasopressors needed to keep
 * MAP >= 65 mmHg and serum lactate > 2 mmol/L despite adequate fluid resuscitation). Vasopressors and fluid
 * volumes are not inputs of this service, so the proxy is: hypotension (SBP <= 90 mmHg, or MAP < 65 mmHg with MAP
 * measured or estimated as (SBP + 2·DBP) / 3) AND lactate >= 2.0 mmol/L (the project's clinical reference uses
 * >= 2.0; Sepsis-3 writes "> 2").
 *
 * @param met           hypotension and lactate criteria both fired
 * @param criteriaFired the criteria that fired ("SBP <= 90 mmHg", "lactate >= 2 mmol/L", ...)
 * @param missingInputs {@link Field} names of a criterion that did not fire and could not be assessed: SBP, MAP
 *                      (when neither measured nor estimable from SBP and DBP), Lactate
 */
public record SepticShockCriteria(boolean met, List<String> criteriaFired, List<String> missingInputs) {

    public static final String SBP_LOW = "SBP <= 90 mmHg";
    public static final String MAP_LOW = "MAP < 65 mmHg";
    public static final String MAP_LOW_ESTIMATED = "MAP < 65 mmHg, estimated from SBP/DBP";
    public static final String LACTATE_HIGH = "lactate >= 2 mmol/L";

    public SepticShockCriteria {
        criteriaFired = List.copyOf(criteriaFired);
        missingInputs = List.copyOf(missingInputs);
    }

    public static boolean systolicHypotension(double sbp) {
        return sbp <= 90;
    }

    public static boolean mapHypotension(double map) {
        return map < 65;
    }

    public static boolean lactateMet(double lactate) {
        return lactate >= 2.0;
    }

    /** True when a criterion that did not fire could not be assessed. */
    public boolean partial() {
        return !missingInputs.isEmpty();
    }

    public static SepticShockCriteria evaluate(Observation o) {
        String[] fired = new String[3];
        int nFired = 0;
        String[] missing = new String[3];
        int nMissing = 0;

        double sbp = o.get(Field.SBP);
        double map = o.mapOrEstimate();
        boolean sbpLow = systolicHypotension(sbp);
        boolean mapLow = mapHypotension(map);
        if (sbpLow) {
            fired[nFired++] = SBP_LOW;
        }
        if (mapLow) {
            fired[nFired++] = o.has(Field.MAP) ? MAP_LOW : MAP_LOW_ESTIMATED;
        }
        boolean hypotension = sbpLow || mapLow;
        if (!hypotension) {
            if (Double.isNaN(sbp)) {
                missing[nMissing++] = Field.SBP.name();
            }
            if (Double.isNaN(map)) {
                missing[nMissing++] = Field.MAP.name();
            }
        }

        double lactate = o.get(Field.Lactate);
        boolean lactateHigh = lactateMet(lactate);
        if (lactateHigh) {
            fired[nFired++] = LACTATE_HIGH;
        } else if (Double.isNaN(lactate)) {
            missing[nMissing++] = Field.Lactate.name();
        }

        return new SepticShockCriteria(hypotension && lactateHigh, list(fired, nFired), list(missing, nMissing));
    }

    private static List<String> list(String[] a, int n) {
        switch (n) {
            case 0:
                return List.of();
            case 1:
                return List.of(a[0]);
            case 2:
                return List.of(a[0], a[1]);
            default:
                return List.of(a[0], a[1], a[2]);
        }
    }
}
