package io.sepsis.guardrail;

import java.util.List;

/**
 * The 60 single-parameter thresholds of the clinical reference v3.0 (docs: shared GUARDRAIL-REFERENCE.md), typed
 * in by hand from the reference so the shipped configuration is checked against it, not against itself.
 */
final class ReferenceTable {
    record Row(String id, String category, String operator, double value, String role) {
    }

    private ReferenceTable() {
    }

    static final List<Row> ROWS = List.of(
            new Row("sbp_critical", "hemodynamic", "<=", 90, "trigger"),
            new Row("map_critical", "hemodynamic", "<", 65, "trigger"),
            new Row("map_critical_htn_patient", "hemodynamic", "<", 75, "trigger"),
            new Row("dbp_critical", "hemodynamic", "<", 40, "trigger"),
            new Row("lactate_elevated", "perfusion", ">=", 2.0, "trigger"),
            new Row("lactate_severe", "perfusion", ">=", 4.0, "trigger"),
            new Row("base_excess_critical", "perfusion", "<=", -10, "trigger"),
            new Row("o2sat_critical", "respiratory", "<", 88, "trigger"),
            new Row("resp_rate_sirs", "respiratory", ">=", 22, "info"),
            new Row("resp_rate_critical", "respiratory", ">=", 30, "trigger"),
            new Row("pao2_fio2_ratio_critical", "respiratory", "<", 200, "trigger"),
            new Row("paco2_critical_high", "respiratory", ">=", 60, "trigger"),
            new Row("temp_hypothermia", "temperature", "<", 35.0, "trigger"),
            new Row("temp_severe_fever", "temperature", ">=", 40.0, "trigger"),
            new Row("creatinine_critical", "renal", ">=", 3.5, "trigger"),
            new Row("creatinine_elevated", "renal", ">=", 2.0, "info"),
            new Row("bun_critical", "renal", ">=", 80, "trigger"),
            new Row("urine_output_concerning", "renal", "<", 0.5, "info"),
            new Row("urine_output_critical", "renal", "<", 0.3, "trigger"),
            new Row("bilirubin_critical", "hepatic", ">=", 4.0, "trigger"),
            new Row("bilirubin_elevated", "hepatic", ">=", 2.0, "info"),
            new Row("ast_critical", "hepatic", ">=", 1000, "trigger"),
            new Row("alt_critical", "hepatic", ">=", 1000, "trigger"),
            new Row("inr_critical", "hepatic", ">=", 2.5, "trigger"),
            new Row("platelets_critical", "hematologic", "<", 50, "trigger"),
            new Row("platelets_concerning", "hematologic", "<", 100, "info"),
            new Row("wbc_critical_high", "hematologic", ">=", 30, "trigger"),
            new Row("wbc_infection", "hematologic", ">=", 12, "info"),
            new Row("wbc_critical_low", "hematologic", "<", 2, "trigger"),
            new Row("wbc_viral_infection", "hematologic", "<=", 4, "info"),
            new Row("neutrophils_high", "hematologic", ">", 80, "info"),
            new Row("lymphocytes_low", "hematologic", "<", 1.0, "info"),
            new Row("bands_high", "hematologic", ">=", 10, "info"),
            new Row("hemoglobin_critical", "hematologic", "<", 7, "trigger"),
            new Row("ptt_critical", "hematologic", ">=", 80, "trigger"),
            new Row("fibrinogen_critical", "hematologic", "<", 100, "trigger"),
            new Row("d_dimer_critical", "hematologic", ">=", 10, "trigger"),
            new Row("ph_critical_low", "metabolic", "<", 7.25, "trigger"),
            new Row("ph_critical_high", "metabolic", ">=", 7.55, "trigger"),
            new Row("co2_early_acidosis", "metabolic", "<", 22, "info"),
            new Row("glucose_critical_low", "metabolic", "<", 50, "trigger"),
            new Row("glucose_critical_high", "metabolic", ">=", 500, "trigger"),
            new Row("glucose_elevated_diabetic", "metabolic", ">=", 180, "info"),
            new Row("potassium_critical_low", "metabolic", "<", 2.5, "trigger"),
            new Row("potassium_critical_high", "metabolic", ">=", 6.5, "trigger"),
            new Row("sodium_critical_low", "metabolic", "<", 120, "trigger"),
            new Row("sodium_critical_high", "metabolic", ">=", 160, "trigger"),
            new Row("bicarbonate_critical_low", "metabolic", "<", 12, "trigger"),
            new Row("hr_early_sepsis", "cardiac", ">=", 90, "info"),
            new Row("hr_evaluation_threshold", "cardiac", ">=", 100, "info"),
            new Row("hr_severe_stress", "cardiac", ">=", 120, "info"),
            new Row("hr_critical_high", "cardiac", ">=", 140, "trigger"),
            new Row("hr_critical_low", "cardiac", "<", 40, "trigger"),
            new Row("troponin_critical", "cardiac", ">=", 1.0, "trigger"),
            new Row("bnp_critical", "cardiac", ">=", 1000, "trigger"),
            new Row("gcs_critical", "neurologic", "<=", 8, "trigger"),
            new Row("gcs_encephalopathy", "neurologic", "<=", 12, "info"),
            new Row("procalcitonin_suggestive", "infection", ">", 2, "info"),
            new Row("procalcitonin_critical", "infection", ">=", 10, "trigger"),
            new Row("crp_critical", "infection", ">=", 200, "trigger"));
}
