package io.sepsis.guardrail;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import io.sepsis.clinical.SepticShockCriteria;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Combined criteria (septic shock, DIC, hypertensive hypotension) and early-detection patterns. */
class CriteriaAndPatternsTest {
    static final List<String> HTN = List.of("chronic hypertension");

    static GuardrailAssessment assess(Observation o, List<String> conditions) {
        return Patients.assess(Shipped.config(), o, conditions, null, null);
    }

    static CriterionResult criterion(GuardrailAssessment a, String id) {
        return a.criteriaMet().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not met"));
    }

    @Test
    void septic_shock_from_systolic_hypotension_and_lactate_names_both_parts() {
        CriterionResult c = criterion(assess(Obs.of(Field.SBP, 85, Field.Lactate, 3.2), null), "septic_shock");
        assertEquals(Role.TRIGGER, c.role());
        assertEquals(2, c.partsMetCount());
        assertEquals("hypotension: SBP 85 <= 90 mmHg", c.partsMet().get(0));
        assertEquals("hyperlactataemia: Lactate 3.2 >= 2 mmol/L", c.partsMet().get(1));
    }

    @Test
    void septic_shock_from_low_map_measured_or_estimated() {
        assertTrue(assess(Obs.of(Field.SBP, 100, Field.MAP, 60, Field.Lactate, 2.0), null)
                .criterionMet("septic_shock"));
        assertTrue(assess(Obs.of(Field.SBP, 95, Field.DBP, 48, Field.Lactate, 2.5), null)
                .criterionMet("septic_shock"), "MAP (95 + 96)/3 = 63.7");
    }

    @Test
    void septic_shock_needs_both_hypotension_and_lactate() {
        assertFalse(assess(Obs.of(Field.SBP, 85, Field.Lactate, 1.9), null).criterionMet("septic_shock"));
        assertFalse(assess(Obs.of(Field.SBP, 91, Field.MAP, 70, Field.Lactate, 5), null).criterionMet("septic_shock"));
        assertFalse(assess(Obs.of(Field.SBP, 85), null).criterionMet("septic_shock"));
    }

    @Test
    void hypertensive_variant_map_below_75_is_septic_shock_only_with_chronic_hypertension() {
        Observation o = Obs.of(Field.SBP, 110, Field.MAP, 72, Field.Lactate, 2.4);
        assertFalse(assess(o, null).criterionMet("septic_shock"));
        GuardrailAssessment htn = assess(o, HTN);
        assertTrue(htn.criterionMet("septic_shock"));
        assertTrue(htn.criterionMet("hypertensive_hypotension"));
        assertTrue(criterion(htn, "hypertensive_hypotension").partsMet().get(0)
                .contains("chronic hypertension"));
    }

    @Test
    void guardrail_septic_shock_agrees_with_the_ml_pathways_criteria_without_hypertension() {
        double[] sbps = {80, 90, 91, 100, 130, Double.NaN};
        double[] dbps = {30, 50, 60, Double.NaN};
        double[] maps = {55, 64.9, 65, 80, Double.NaN};
        double[] lactates = {1.5, 1.99, 2.0, 4.5, Double.NaN};
        int checked = 0;
        for (double sbp : sbps) {
            for (double dbp : dbps) {
                for (double map : maps) {
                    for (double lac : lactates) {
                        Observation o = Observation.builder().set(Field.SBP, sbp).set(Field.DBP, dbp)
                                .set(Field.MAP, map).set(Field.Lactate, lac).build();
                        assertEquals(SepticShockCriteria.evaluate(o).met(),
                                assess(o, null).criterionMet("septic_shock"),
                                "SBP " + sbp + " DBP " + dbp + " MAP " + map + " lactate " + lac);
                        checked++;
                    }
                }
            }
        }
        assertEquals(600, checked);
    }

    @Test
    void dic_needs_three_of_four_coagulation_markers() {
        Observation three = Obs.of(Field.Platelets, 40, Field.INR, 2.8, Field.Fibrinogen, 90, Field.D_dimer, 3);
        CriterionResult c = criterion(assess(three, null), "dic");
        assertEquals(3, c.partsMetCount());
        assertEquals(4, c.partsTotal());
        assertEquals(3, c.partsRequired());
        assertTrue(assess(Obs.of(Field.Platelets, 40, Field.INR, 2.8, Field.Fibrinogen, 90, Field.D_dimer, 12), null)
                .criterionMet("dic"));
        assertFalse(assess(Obs.of(Field.Platelets, 40, Field.INR, 2.8, Field.Fibrinogen, 150, Field.D_dimer, 3),
                null).criterionMet("dic"));
    }

    @Test
    void earliest_reliable_lab_pattern_needs_all_three() {
        Observation all = Obs.of(Field.Lymphocytes, 0.6, Field.Neutrophils, 88, Field.Bands, 12);
        GuardrailAssessment a = assess(all, null);
        assertTrue(a.earlyWarning("earliest_reliable_lab"));
        assertEquals(null, a.earlyWarnings().get(0).role());
        assertFalse(assess(Obs.of(Field.Lymphocytes, 0.6, Field.Neutrophils, 88, Field.Bands, 9), null)
                .earlyWarning("earliest_reliable_lab"));
        assertFalse(assess(Obs.of(Field.Lymphocytes, 1.0, Field.Neutrophils, 88, Field.Bands, 12), null)
                .earlyWarning("earliest_reliable_lab"));
    }

    @Test
    void early_sepsis_vitals_fire_on_any_two_of_four_including_low_temperature_and_low_wbc() {
        assertTrue(assess(Obs.of(Field.HR, 95, Field.Resp, 23), null).earlyWarning("early_sepsis_vitals"));
        assertTrue(assess(Obs.of(Field.Temp, 38.0, Field.WBC, 13), null).earlyWarning("early_sepsis_vitals"));
        assertTrue(assess(Obs.of(Field.Temp, 35.9, Field.HR, 90), null).earlyWarning("early_sepsis_vitals"));
        assertTrue(assess(Obs.of(Field.WBC, 3.5, Field.Resp, 22), null).earlyWarning("early_sepsis_vitals"));
        assertFalse(assess(Obs.of(Field.HR, 130), null).earlyWarning("early_sepsis_vitals"));
        assertFalse(assess(Obs.of(Field.HR, 89, Field.Resp, 21, Field.Temp, 37.9, Field.WBC, 4.1), null)
                .earlyWarning("early_sepsis_vitals"));
        GuardrailAssessment four = assess(Obs.of(Field.HR, 95, Field.Resp, 23, Field.Temp, 38.4, Field.WBC, 15),
                null);
        CriterionResult c = four.earlyWarnings().get(0);
        assertEquals(4, c.partsMetCount());
        assertTrue(c.partsMet().get(2).contains("Temp 38.4 >= 38 °C"), c.partsMet().toString());
    }

    @Test
    void differentials_follow_what_fired() {
        GuardrailAssessment a = Patients.assess(Shipped.config(), Obs.of(Field.SBP, 85, Field.HR, 125), null, null,
                "new confusion");
        List<String> ids = a.differentials().stream().map(DifferentialResult::id).toList();
        assertEquals(List.of("hypotension", "tachycardia", "altered_mental_status"), ids);
        assertTrue(a.differentials().get(0).diagnoses().contains("pulmonary embolism"));
        assertTrue(a.differentials().get(1).diagnoses().contains("thyroid storm"));
        assertTrue(a.differentials().get(2).triggeredBy().contains("notes:mental_status"));
        assertTrue(assess(Obs.of(Field.SBP, 120, Field.HR, 80), null).differentials().isEmpty());
    }

    @Test
    void qsofa_is_the_clinical_score_with_altered_mentation_from_new_confusion_in_notes() {
        GuardrailAssessment a = Patients.assess(Shipped.config(), Obs.of(Field.Resp, 24, Field.SBP, 120), null, null,
                "Patient newly confused this morning");
        assertTrue(a.alteredMentationFromNotes());
        assertEquals(2, a.qsofa().score());
        assertEquals(1, Patients.assess(Shipped.config(), Obs.of(Field.Resp, 24, Field.SBP, 120), null, null, null)
                .qsofa().score());
    }
}
