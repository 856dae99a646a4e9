package io.sepsis.clinical.score;

import static io.sepsis.clinical.Field.Bands;
import static io.sepsis.clinical.Field.HR;
import static io.sepsis.clinical.Field.PaCO2;
import static io.sepsis.clinical.Field.Resp;
import static io.sepsis.clinical.Field.Temp;
import static io.sepsis.clinical.Field.WBC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.clinical.Obs;
import io.sepsis.clinical.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SirsTest {
    /** All primary inputs present, no criterion met. */
    private static final Observation NORMAL = Obs.of(Temp, 37, HR, 80, Resp, 16, WBC, 8);

    private static List<String> fired(Observation o) {
        return Sirs.evaluate(o).componentsFired();
    }

    @ParameterizedTest(name = "Temp {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "35.9 | Temp < 36.0 °C",
        "36.0 | none",
        "37.0 | none",
        "38.0 | none",
        "38.1 | Temp > 38.0 °C"})
    void sirs_temperature_counts_above_38_and_below_36_only(double temp, String component) {
        ScoreResult r = Sirs.evaluate(Obs.with(NORMAL, Temp, temp));
        assertEquals(component == null ? List.of() : List.of(component), r.componentsFired());
        assertEquals(component == null ? 0 : 1, r.score());
    }

    @Test
    void sirs_counts_hr_91_but_not_90() {
        assertEquals(List.of("HR > 90/min"), fired(Obs.with(NORMAL, HR, 91)));
        assertEquals(List.of(), fired(Obs.with(NORMAL, HR, 90)));
    }

    @Test
    void sirs_counts_resp_21_but_not_20() {
        assertEquals(List.of("Resp > 20/min"), fired(Obs.with(NORMAL, Resp, 21)));
        assertEquals(List.of(), fired(Obs.with(NORMAL, Resp, 20)));
    }

    @Test
    void sirs_paco2_below_32_meets_respiration_on_its_own() {
        ScoreResult low = Sirs.evaluate(Obs.of(Temp, 37, HR, 80, PaCO2, 31.9, WBC, 8));
        assertEquals(List.of("PaCO2 < 32 mmHg"), low.componentsFired());
        assertEquals(List.of(), low.missingInputs(), "criterion met: Resp is not needed");
        ScoreResult at = Sirs.evaluate(Obs.of(Temp, 37, HR, 80, PaCO2, 32, WBC, 8));
        assertEquals(0, at.score());
        assertEquals(List.of("Resp"), at.missingInputs(), "PaCO2 32 does not settle it: Resp is needed");
    }

    @Test
    void sirs_paco2_is_not_reported_missing_when_resp_is_measured() {
        assertEquals(List.of(), Sirs.evaluate(NORMAL).missingInputs());
        assertEquals(List.of("Resp > 20/min"), fired(Obs.with(NORMAL, Resp, 24, PaCO2, 28)), "counted once");
    }

    @ParameterizedTest(name = "WBC {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "3.9 | WBC < 4 x10^3/µL",
        "4.0 | none",
        "12.0 | none",
        "12.1 | WBC > 12 x10^3/µL"})
    void sirs_wbc_counts_above_12_and_below_4_only(double wbc, String component) {
        assertEquals(component == null ? List.of() : List.of(component), fired(Obs.with(NORMAL, WBC, wbc)));
    }

    @Test
    void sirs_bands_above_10_percent_meet_the_wbc_criterion() {
        assertEquals(List.of("bands > 10 %"), fired(Obs.with(NORMAL, Bands, 11)));
        assertEquals(List.of(), fired(Obs.with(NORMAL, Bands, 10)));
        ScoreResult noWbc = Sirs.evaluate(Obs.of(Temp, 37, HR, 80, Resp, 16, Bands, 10.5));
        assertEquals(1, noWbc.score());
        assertEquals(List.of(), noWbc.missingInputs());
        assertEquals(List.of("WBC"), Sirs.evaluate(Obs.of(Temp, 37, HR, 80, Resp, 16, Bands, 5)).missingInputs());
    }

    @Test
    void sirs_two_criteria_are_met_one_is_not() {
        ScoreResult one = Sirs.evaluate(Obs.with(NORMAL, HR, 100));
        assertEquals("SIRS criteria not met", one.interpretation());
        ScoreResult two = Sirs.evaluate(Obs.with(NORMAL, HR, 100, Temp, 38.5));
        assertEquals(2, two.score());
        assertEquals("SIRS criteria met", two.interpretation());
        assertEquals(List.of("Temp > 38.0 °C", "HR > 90/min"), two.componentsFired());
        ScoreResult four = Sirs.evaluate(Obs.of(Temp, 35, HR, 120, Resp, 30, WBC, 2));
        assertEquals(4, four.score());
        assertEquals(4, four.maxScore());
        assertEquals("SIRS", four.name());
    }

    @Test
    void sirs_missing_inputs_make_a_partial_score() {
        ScoreResult r = Sirs.evaluate(Obs.of(HR, 110, Resp, 24));
        assertEquals(2, r.score());
        assertEquals(List.of("Temp", "WBC"), r.missingInputs());
        assertTrue(r.partial());
        assertTrue(r.interpretation().startsWith("SIRS criteria met"), r.interpretation());
        assertTrue(r.interpretation().contains("partial"), r.interpretation());
        assertEquals(List.of("Temp", "HR", "Resp", "WBC"), Sirs.evaluate(Obs.of()).missingInputs());
    }

    @Test
    void sirs_point_functions_are_nan_safe() {
        assertFalse(Sirs.temperatureMet(Double.NaN));
        assertFalse(Sirs.heartRateMet(Double.NaN));
        assertFalse(Sirs.respirationMet(Double.NaN, Double.NaN));
        assertFalse(Sirs.wbcMet(Double.NaN, Double.NaN));
    }
}
