package io.sepsis.guardrail;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History-aware checks: which history matches, and the context lines it adds. */
class HistoryChecksTest {

    static GuardrailAssessment assess(Observation o, List<String> conditions, List<String> medications,
                                      String notes) {
        return Patients.assess(Shipped.config(), o, conditions, medications, notes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CKD stage 4|renal", "end stage renal disease on hemodialysis|renal", "Kidney transplant 2019|renal",
        "alcoholic cirrhosis|hepatic", "Hepatitis C|hepatic", "ITP|hematologic", "on chemotherapy for breast ca|hematologic",
        "HTN|chronic_hypertension", "Hypertension, essential|chronic_hypertension",
        "High blood pressure|chronic_hypertension", "type 2 diabetes|diabetes", "T2DM on metformin|diabetes",
        "insulin dependent|diabetes", "Alzheimer's disease|neurologic", "Dementia, moderate|neurologic",
        "ETOH abuse|neurologic", "history of TBI|neurologic", "epilepsy|seizure", "recent seizure activity|seizure"})
    void condition_terms_match_as_clinicians_write_them(String item, String check) {
        assertTrue(assess(Obs.of(), List.of(item), null, null).historyMatched(check), item);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "metoprolol succinate 25 mg daily|beta_blockers", "Beta-blocker|beta_blockers", "Carvedilol|beta_blockers",
        "acetaminophen 1 g q6h prn|antipyretics", "Tylenol|antipyretics", "ibuprofen|antipyretics",
        "warfarin 5 mg|anticoagulants", "Eliquis|anticoagulants", "heparin drip|anticoagulants",
        "prednisone 20 mg|corticosteroids", "hydrocortisone|corticosteroids", "steroids|corticosteroids"})
    void medication_terms_match_in_the_medication_list(String item, String check) {
        assertTrue(assess(Obs.of(), null, List.of(item), null).historyMatched(check), item);
        assertFalse(assess(Obs.of(), List.of(item), null, null).historyMatched(check),
                "medication checks search the medication list only");
    }

    @Test
    void negated_or_excluded_history_does_not_match() {
        assertFalse(assess(Obs.of(), List.of("no history of CKD"), null, null).historyMatched("renal"));
        assertFalse(assess(Obs.of(), List.of("denies diabetes"), null, null).historyMatched("diabetes"));
        assertFalse(assess(Obs.of(), List.of("pulmonary hypertension"), null, null)
                .historyMatched("chronic_hypertension"));
        assertFalse(assess(Obs.of(), List.of("diabetes insipidus"), null, null).historyMatched("diabetes"));
        assertFalse(assess(Obs.of(), List.of("admission for pneumonia"), null, null).historyMatched("diabetes"),
                "DM matches whole words only");
    }

    @Test
    void chronic_kidney_disease_makes_raised_creatinine_possibly_baseline() {
        GuardrailAssessment a = assess(Obs.of(Field.Creatinine, 2.4), List.of("CKD stage 4"), null, null);
        assertTrue(a.historyContext().contains("chronic kidney disease: creatinine 2.4 mg/dL may be baseline"),
                a.historyContext().toString());
        assertTrue(a.breached("creatinine_elevated"), "the rule is still reported");
    }

    @Test
    void raised_creatinine_without_renal_history_suggests_acute_kidney_injury() {
        GuardrailAssessment a = assess(Obs.of(Field.Creatinine, 2.4), null, null, null);
        assertEquals(List.of("no renal history: creatinine 2.4 mg/dL suggests acute kidney injury, possibly "
                + "sepsis-related"), a.historyContext());
        assertTrue(assess(Obs.of(Field.Creatinine, 1.1), null, null, null).historyContext().isEmpty());
    }

    @Test
    void liver_disease_makes_raised_liver_tests_possibly_baseline() {
        GuardrailAssessment a = assess(Obs.of(Field.Bilirubin_total, 3.1), List.of("cirrhosis"), null, null);
        assertTrue(a.historyContext().contains("liver disease: raised bilirubin/AST/ALT/INR may be baseline"));
        assertTrue(assess(Obs.of(Field.Bilirubin_total, 1.0), List.of("cirrhosis"), null, null).historyContext()
                .isEmpty());
    }

    @Test
    void haematological_history_makes_low_platelets_possibly_baseline() {
        GuardrailAssessment a = assess(Obs.of(Field.Platelets, 60), List.of("ITP"), null, null);
        assertTrue(a.historyContext().contains("hematologic history: low platelets / abnormal WBC may be baseline"));
    }

    @Test
    void chronic_hypertension_says_the_map_threshold_is_75() {
        GuardrailAssessment a = assess(Obs.of(Field.SBP, 105, Field.DBP, 60), List.of("HTN"), null, null);
        assertTrue(a.historyContext().contains("chronic hypertension: MAP threshold 75 mmHg applies (MAP 75 mmHg)"),
                a.historyContext().toString());
    }

    @Test
    void diabetes_notes_glucose_above_180() {
        GuardrailAssessment a = assess(Obs.of(Field.Glucose, 240), List.of("DM2"), null, null);
        assertTrue(a.historyContext().get(0).startsWith("diabetes: glucose 240 mg/dL"), a.historyContext().toString());
    }

    @Test
    void beta_blocker_warns_that_tachycardia_may_be_masked() {
        GuardrailAssessment a = assess(Obs.of(Field.HR, 84), null, List.of("metoprolol"), null);
        assertEquals(List.of("beta-blocker: heart rate may be blunted (masks tachycardia)"), a.historyContext());
    }

    @Test
    void antipyretic_warns_that_fever_may_be_masked() {
        GuardrailAssessment a = assess(Obs.of(Field.Temp, 37.2), null, List.of("paracetamol 1 g"), null);
        assertEquals(List.of("antipyretic: fever may be masked for ~4 h"), a.historyContext());
    }

    @Test
    void anticoagulant_makes_a_high_inr_possibly_drug_effect() {
        GuardrailAssessment a = assess(Obs.of(Field.INR, 3.1), null, List.of("warfarin"), null);
        assertEquals(List.of("anticoagulant: INR may be drug effect rather than DIC"), a.historyContext());
        assertTrue(a.breached("inr_critical"), "still reported: the clinician decides");
    }

    @Test
    void corticosteroids_may_raise_glucose() {
        GuardrailAssessment a = assess(Obs.of(Field.Glucose, 220), null, List.of("dexamethasone 6 mg"), null);
        assertTrue(a.historyContext().contains("corticosteroids: glucose may be raised"));
    }

    @Test
    void seizure_history_makes_lactate_possibly_post_ictal() {
        GuardrailAssessment a = assess(Obs.of(Field.Lactate, 3.0), List.of("seizure disorder"), null, null);
        assertTrue(a.historyContext().contains("seizure history: lactate 3 mmol/L may be post-ictal"));
    }

    @Test
    void dementia_makes_confusion_in_notes_possibly_baseline_so_it_does_not_count() {
        GuardrailAssessment a = assess(Obs.of(), List.of("dementia"), null, "Patient confused, pulling at lines");
        assertFalse(a.alteredMentationFromNotes());
        assertEquals(1, a.discordance().size());
        NoteFinding f = a.discordance().get(0);
        assertFalse(f.counted());
        assertEquals("may be baseline: history of baseline cognitive impairment", f.qualifier());
        assertTrue(a.historyContext().contains(
                "neurologic history: altered mental status may be baseline; it counts only if new or worse"));
        assertTrue(a.countedDiscordance().isEmpty());
    }

    @Test
    void new_or_worse_confusion_counts_even_with_dementia() {
        GuardrailAssessment a = assess(Obs.of(), List.of("Alzheimer's"), null, "More confused than usual today");
        assertTrue(a.alteredMentationFromNotes());
        assertTrue(a.discordance().get(0).counted());
    }

    @Test
    void each_baseline_history_kind_suppresses_mental_status() {
        for (String h : List.of("delirium", "alcohol use disorder", "substance abuse", "cognitive dysfunction",
                "baseline confusion", "developmental delay")) {
            assertFalse(assess(Obs.of(), List.of(h), null, "lethargic").alteredMentationFromNotes(), h);
        }
        assertTrue(assess(Obs.of(), List.of("diabetes"), null, "lethargic").alteredMentationFromNotes());
    }
}
