package io.sepsis.clinical.score;

/**
 * quick SOFA (Sepsis-3: Singer M et al., JAMA 2016;315(8):801-810; Seymour CW et al., JAMA 2016;315(8):762-774):
 * respiratory rate >= 22/min, altered mentation (GCS < 15), systolic blood pressure <= 100 mmHg; one point each.
 */
public final class QSofa {
    private QSofa() {
    }

    public static boolean respirationMet(double resp) {
        return resp >= 22;
    }

    public static boolean systolicMet(double sbp) {
        return sbp <= 100;
    }

    public static boolean mentationMet(double gcs) {
        return gcs < 15;
    }
}
