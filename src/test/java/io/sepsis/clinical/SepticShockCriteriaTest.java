package io.sepsis.clinical;

import static io.sepsis.clinical.Field.DBP;
import static io.sepsis.clinical.Field.Lactate;
import static io.sepsis.clinical.Field.MAP;
import static io.sepsis.clinical.Field.SBP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SepticShockCriteriaTest {

    @Test
    void shock_needs_sbp_90_but_not_91_with_lactate() {
        SepticShockCriteria at = SepticShockCriteria.evaluate(Obs.of(SBP, 90, MAP, 70, Lactate, 4));
        assertTrue(at.met());
        assertEquals(List.of("SBP <= 90 mmHg", "lactate >= 2 mmol/L"), at.criteriaFired());
        assertEquals(List.of(), at.missingInputs());
        SepticShockCriteria above = SepticShockCriteria.evaluate(Obs.of(SBP, 91, MAP, 70, Lactate, 4));
        assertFalse(above.met());
        assertEquals(List.of("lactate >= 2 mmol/L"), above.criteriaFired());
    }

    @Test
    void shock_counts_measured_map_64_9_but_not_65() {
        SepticShockCriteria below = SepticShockCriteria.evaluate(Obs.of(SBP, 100, MAP, 64.9, Lactate, 3));
        assertTrue(below.met());
        assertEquals(List.of("MAP < 65 mmHg", "lactate >= 2 mmol/L"), below.criteriaFired());
        assertFalse(SepticShockCriteria.evaluate(Obs.of(SBP, 100, MAP, 65, Lactate, 3)).met());
    }

    @Test
    void shock_counts_lactate_2_0_but_not_1_9() {
        assertTrue(SepticShockCriteria.evaluate(Obs.of(SBP, 85, MAP, 60, Lactate, 2.0)).met());
        SepticShockCriteria below = SepticShockCriteria.evaluate(Obs.of(SBP, 85, MAP, 60, Lactate, 1.9));
        assertFalse(below.met());
        assertEquals(List.of("SBP <= 90 mmHg", "MAP < 65 mmHg"), below.criteriaFired());
        assertEquals(List.of(), below.missingInputs());
    }

    @Test
    void shock_with_map_estimated_from_sbp_and_dbp() {
        // (95 + 2*49) / 3 = 64.33 -> hypotension although SBP 95 > 90 and no MAP was sent
        SepticShockCriteria est = SepticShockCriteria.evaluate(Obs.of(SBP, 95, DBP, 49, Lactate, 2.5));
        assertTrue(est.met());
        assertEquals(List.of("MAP < 65 mmHg, estimated from SBP/DBP", "lactate >= 2 mmol/L"), est.criteriaFired());
        assertEquals(List.of(), est.missingInputs());
        // (95 + 2*50) / 3 = 65 -> no hypotension
        SepticShockCriteria at65 = SepticShockCriteria.evaluate(Obs.of(SBP, 95, DBP, 50, Lactate, 2.5));
        assertFalse(at65.met());
        assertEquals(List.of("lactate >= 2 mmol/L"), at65.criteriaFired());
        // a measured MAP wins over the estimate
        assertFalse(SepticShockCriteria.evaluate(Obs.of(SBP, 95, DBP, 40, MAP, 70, Lactate, 2.5)).met());
    }

    @Test
    void shock_reports_missing_inputs() {
        SepticShockCriteria none = SepticShockCriteria.evaluate(Obs.of());
        assertFalse(none.met());
        assertEquals(List.of("SBP", "MAP", "Lactate"), none.missingInputs());
        assertTrue(none.partial());
        // SBP normal but no DBP or MAP: MAP cannot be estimated
        SepticShockCriteria noMap = SepticShockCriteria.evaluate(Obs.of(SBP, 120, Lactate, 5));
        assertFalse(noMap.met());
        assertEquals(List.of("MAP"), noMap.missingInputs());
        // hypotension already met: the other pressure is not needed, lactate is
        SepticShockCriteria noLactate = SepticShockCriteria.evaluate(Obs.of(SBP, 80));
        assertFalse(noLactate.met());
        assertEquals(List.of("SBP <= 90 mmHg"), noLactate.criteriaFired());
        assertEquals(List.of("Lactate"), noLactate.missingInputs());
    }
}
