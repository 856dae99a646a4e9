package io.sepsis.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.clinical.Field;
import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.ThresholdRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every single-parameter rule of the shipped configuration is evaluated, with the operator it is configured with. */
class ThresholdRulesTest {
    static final List<String> HTN = List.of("chronic hypertension");

    static Stream<ThresholdRule> rules() {
        return Shipped.config().rules().stream();
    }

    static List<String> historyFor(ThresholdRule r) {
        return r.requiresHistory() == null ? List.of() : HTN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_shipped_rule_fires_just_past_its_threshold_and_not_before(ThresholdRule r) {
        GuardrailConfig cfg = Shipped.config();
        GuardrailAssessment breaching = Patients.assess(cfg, Patients.with(r.parameter(), Patients.justBreaching(r)),
                historyFor(r), null, null);
        GuardrailAssessment not = Patients.assess(cfg, Patients.with(r.parameter(), Patients.justNotBreaching(r)),
                historyFor(r), null, null);
        assertTrue(breaching.breached(r.id()), r.id() + " at " + Patients.justBreaching(r));
        assertFalse(not.breached(r.id()), r.id() + " at " + Patients.justNotBreaching(r));

        RuleBreach b = breaching.breaches().stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
        assertEquals(r.category(), b.category());
        assertEquals(r.operator(), b.operator());
        assertEquals(r.value(), b.threshold());
        assertEquals(Patients.justBreaching(r), b.actual(), 1e-6);
        assertEquals(r.role(), b.role());
        assertFalse(b.source().isBlank());
        assertFalse(b.rationale().isBlank());
    }

    @Test
    void the_shipped_rules_are_the_60_of_the_clinical_reference_with_their_operators_values_and_roles() {
        Map<String, ThresholdRule> byId = Shipped.config().rules().stream()
                .collect(Collectors.toMap(ThresholdRule::id, r -> r));
        assertEquals(60, ReferenceTable.ROWS.size());
        assertEquals(60, byId.size());
        for (ReferenceTable.Row row : ReferenceTable.ROWS) {
            ThresholdRule r = byId.get(row.id());
            assertNotNull(r, row.id());
            assertEquals(row.category(), r.category().wire(), row.id());
            assertEquals(row.operator(), r.operator().symbol(), row.id());
            assertEquals(row.value(), r.value(), row.id());
            assertEquals(row.role(), r.role().wire(), row.id());
        }
        Set<RuleCategory> categories = Shipped.config().rules().stream().map(ThresholdRule::category)
                .collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(RuleCategory.class), categories, "all 11 categories have rules");
    }

    @Test
    void changing_the_operator_in_the_config_changes_the_result_for_every_rule() throws Exception {
        // flip every operator to its complement: each rule must now fire exactly where it did not
        Map<String, String> complement = Map.of("<", ">=", "<=", ">", ">", "<=", ">=", "<");
        GuardrailConfig flipped = Shipped.parse(Patients.edited(root -> {
            for (JsonNode r : root.get("thresholds")) {
                ((ObjectNode) r).put("operator", complement.get(r.get("operator").asText()));
            }
        }));
        for (ThresholdRule r : Shipped.config().rules()) {
            List<String> h = historyFor(r);
            assertFalse(Patients.assess(flipped, Patients.with(r.parameter(), Patients.justBreaching(r)), h, null,
                    null).breached(r.id()), r.id());
            assertTrue(Patients.assess(flipped, Patients.with(r.parameter(), Patients.justNotBreaching(r)), h, null,
                    null).breached(r.id()), r.id());
        }
    }

    @Test
    void sbp_rule_follows_its_configured_operator() {
        GuardrailConfig greaterEqual = Shipped.parse(Patients.edited(root ->
                Patients.rule(root, "sbp_critical").put("operator", ">=")));
        Observation sbp120 = Obs.of(Field.SBP, 120);
        assertFalse(Patients.assess(Shipped.config(), sbp120, null, null, null).breached("sbp_critical"));
        assertTrue(Patients.assess(greaterEqual, sbp120, null, null, null).breached("sbp_critical"));
    }

    @Test
    void an_unmeasured_parameter_breaches_nothing_and_is_reported_missing() {
        GuardrailAssessment a = Patients.assess(Obs.of(Field.HR, 80));
        assertTrue(a.breaches().isEmpty());
        assertTrue(a.missingParameters().contains("Lactate"));
        assertFalse(a.missingParameters().contains("HR"));
    }

    @Test
    void hypertensive_map_threshold_applies_only_with_chronic_hypertension() {
        Observation map70 = Obs.of(Field.MAP, 70);
        assertFalse(Patients.assess(Shipped.config(), map70, null, null, null).breached("map_critical_htn_patient"));
        assertTrue(Patients.assess(Shipped.config(), map70, HTN, null, null).breached("map_critical_htn_patient"));
        assertTrue(Patients.assess(Shipped.config(), map70, List.of("HTN"), null, null)
                .breached("map_critical_htn_patient"));
        assertFalse(Patients.assess(Shipped.config(), map70, List.of("pulmonary hypertension"), null, null)
                .breached("map_critical_htn_patient"), "pulmonary hypertension is not systemic hypertension");
    }

    @Test
    void map_is_estimated_from_sbp_and_dbp_when_not_measured_and_says_so() {
        // (92 + 2*50)/3 = 64 < 65
        GuardrailAssessment a = Patients.assess(Obs.of(Field.SBP, 92, Field.DBP, 50));
        RuleBreach b = a.breaches().stream().filter(x -> x.id().equals("map_critical")).findFirst().orElseThrow();
        assertTrue(b.estimated());
        assertEquals(64, b.actual(), 1e-9);
        assertTrue(b.condition().contains("estimated"));
    }

    @Test
    void pao2_fio2_ratio_is_computed_from_both_and_missing_without_fio2() {
        assertTrue(Patients.assess(Obs.of(Field.PaO2, 70, Field.FiO2, 0.4)).breached("pao2_fio2_ratio_critical"));
        assertFalse(Patients.assess(Obs.of(Field.PaO2, 80, Field.FiO2, 0.4)).breached("pao2_fio2_ratio_critical"));
        assertTrue(Patients.assess(Obs.of(Field.PaO2, 70)).missingParameters().contains("PaO2_FiO2"));
    }

    @Test
    void info_and_trigger_rules_are_all_reported_together() {
        // WBC 31: wbc_critical_high (trigger) and wbc_infection (info)
        GuardrailAssessment a = Patients.assess(Obs.of(Field.WBC, 31, Field.HR, 125));
        assertTrue(a.breached("wbc_critical_high"));
        assertTrue(a.breached("wbc_infection"));
        assertTrue(a.breached("hr_early_sepsis") && a.breached("hr_evaluation_threshold")
                && a.breached("hr_severe_stress"));
        assertEquals(List.of("wbc_critical_high"), a.triggerBreaches().stream().map(RuleBreach::id).toList());
    }
}
