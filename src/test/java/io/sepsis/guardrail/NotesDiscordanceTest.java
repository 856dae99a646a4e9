package io.sepsis.guardrail;

import io.sepsis.guardrail.text.NotesMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notes discordance ("silent sepsis"): phrases as clinicians write them, numbers in text, negation. */
class NotesDiscordanceTest {

    static List<String> categories(String notes) {
        return Shipped.notes(notes).countedDiscordance().stream().map(NoteFinding::category).distinct().toList();
    }

    static void fires(String notes, String category) {
        assertTrue(categories(notes).contains(category), "'" + notes + "' should fire " + category + ", got "
                + Shipped.notes(notes).discordance());
    }

    static void silent(String notes) {
        GuardrailAssessment a = Shipped.notes(notes);
        assertTrue(a.countedDiscordance().isEmpty(), "'" + notes + "' should not fire, got " + a.discordance());
    }

    // --- the brief's must-fire and must-not-fire examples -------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "skin mottled over knees|perfusion", "new confusion|mental_status", "AMS|mental_status",
        "increased WOB|respiratory_distress", "urine output 10 mL/hr|urine_output",
        "Patient appears lethargic, skin mottled on lower extremities|perfusion",
        "Patient appears lethargic, skin mottled on lower extremities|mental_status",
        "cap refill 4 seconds|perfusion"})
    void concerning_notes_fire(String notes, String category) {
        fires(notes, category);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no mottling", "cap refill < 2 seconds", "denies dyspnea", "without confusion",
        "negative for dyspnea", "not lethargic", "Mottling: none", "skin not mottled", "mottling resolved",
        "cap refill less than 2 seconds", "cap refill 2 seconds", "urine output 50 mL/hr", "UOP 30 mL/h",
        "breathing unlabored, normal WOB", "speaking in full sentences", "urine output adequate no concerns",
        "No respiratory distress.", "Alert and oriented, calm, skin warm and dry", "w/o cyanosis"})
    void reassuring_or_negated_notes_do_not_fire(String notes) {
        silent(notes);
    }

    // --- inflections, word order, abbreviations ----------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "mottled|perfusion", "Mottling noted|perfusion", "MOTTLED SKIN|perfusion", "extremities cool|perfusion",
        "cold extremities|perfusion", "cyanotic lips|perfusion", "capillary refill delayed|perfusion",
        "confused|mental_status", "Confusion overnight|mental_status", "lethargy|mental_status",
        "very drowsy|mental_status", "drowsiness|mental_status", "disorientation to time|mental_status",
        "agitation|mental_status", "somnolence|mental_status", "obtundation|mental_status",
        "minimal response to fluid bolus|fluid_response", "fluids given, hypotension persistent after fluids|fluid_response",
        "requiring additional fluid boluses|fluid_response", "refractory to fluids|fluid_response",
        "started on norepinephrine|vasopressors", "Levophed 0.1 mcg/kg/min|vasopressors",
        "requires pressors|vasopressors", "oliguric|urine_output", "anuric since noon|urine_output",
        "urine output decreased|urine_output", "minimal urine in foley|urine_output",
        "work of breathing increased|respiratory_distress", "dyspneic|respiratory_distress",
        "dyspnoea on minimal exertion|respiratory_distress", "SOB|respiratory_distress",
        "laboured breathing|respiratory_distress", "intercostal retractions noted|respiratory_distress",
        "using accessory muscles|respiratory_distress", "nasal flaring|respiratory_distress",
        "speaking in 2-3 word sentences|respiratory_distress", "tripoding|respiratory_distress",
        "orthopneic|respiratory_distress", "unable to lie flat|respiratory_distress"})
    void inflections_word_order_and_abbreviations_match(String notes, String category) {
        fires(notes, category);
    }

    /** Every phrase of the clinical reference fires its category when written as-is (WOB only as "increased WOB"). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "mottled skin|perfusion", "mottling|perfusion", "skin cool to touch|perfusion", "cool extremities|perfusion",
        "delayed capillary refill|perfusion", "cap refill > 3 seconds|perfusion", "poor perfusion|perfusion",
        "cyanosis|perfusion", "pallor|perfusion",
        "altered mental status|mental_status", "AMS|mental_status", "confused|mental_status",
        "confusion|mental_status", "lethargic|mental_status", "lethargy|mental_status", "drowsy|mental_status",
        "obtunded|mental_status", "somnolent|mental_status", "disoriented|mental_status", "agitated|mental_status",
        "combative|mental_status",
        "fluid bolus with minimal response|fluid_response", "unresponsive to fluids|fluid_response",
        "fluid refractory|fluid_response", "requiring additional fluid bolus|fluid_response",
        "persistent hypotension after fluids|fluid_response",
        "vasopressors|vasopressors", "requiring pressors|vasopressors", "pressor support|vasopressors",
        "levophed|vasopressors", "norepinephrine|vasopressors", "vasopressin|vasopressors",
        "dopamine drip|vasopressors", "epinephrine drip|vasopressors",
        "oliguria|urine_output", "decreased urine output|urine_output", "low urine output|urine_output",
        "minimal urine|urine_output", "no urine output|urine_output", "anuria|urine_output",
        "increased work of breathing|respiratory_distress", "increased WOB|respiratory_distress",
        "labored breathing|respiratory_distress", "respiratory distress|respiratory_distress",
        "dyspnea|respiratory_distress", "air hunger|respiratory_distress", "retractions|respiratory_distress",
        "intercostal retractions|respiratory_distress", "supraclavicular retractions|respiratory_distress",
        "substernal retractions|respiratory_distress", "accessory muscle use|respiratory_distress",
        "nasal flaring|respiratory_distress", "tracheal tug|respiratory_distress",
        "shoulder lifting with respirations|respiratory_distress", "head bobbing|respiratory_distress",
        "speaking in 2-3 word sentences|respiratory_distress", "tripoding|respiratory_distress",
        "orthopnea|respiratory_distress", "unable to lie flat|respiratory_distress", "SOB|respiratory_distress"})
    void every_reference_phrase_fires_its_category(String phrase, String category) {
        fires(phrase, category);
    }

    // --- numbers in text ----------------------------------------------------------------------------------------

    @Test
    void numbers_in_text_fire_only_when_certainly_beyond_the_threshold() {
        NoteFinding f = Shipped.notes("cap refill 4 seconds").discordance().get(0);
        assertEquals("capillary refill > 3 seconds", f.phrase());
        assertEquals("4", f.stated());
        fires("cap refill >3s", "perfusion");
        fires("Capillary refill time is 5 sec", "perfusion");
        fires("CRT 3-4 sec", "perfusion");
        silent("cap refill 3 seconds");
        silent("cap refill > 2 seconds");
        silent("CRT <3s");
        assertEquals("10", Shipped.notes("urine output 10 mL/hr").discordance().get(0).stated());
        fires("UOP 15 cc/hr overnight", "urine_output");
        fires("urine output < 20 mL/h", "urine_output");
        fires("urine output 0.2 mL/kg/hr", "urine_output");
        silent("urine output 0.8 mL/kg/hr");
        silent("urine output 10"); // no unit: mL/h or mL/kg/h cannot be told apart
        silent("urine output 10 mL since midnight");
    }

    // --- negation scope ---------------------------------------------------------------------------------------

    @Test
    void negation_scope_ends_at_clause_punctuation_and_but() {
        fires("No fever, lethargic", "mental_status");
        fires("no fever but lethargic", "mental_status");
        fires("denies pain; mottled knees", "perfusion");
        fires("afebrile - mottled knees", "perfusion");
        silent("no confusion or agitation");
        silent("no evidence of increased work of breathing");
    }

    @Test
    void a_new_predicate_ends_a_negation_so_a_later_finding_is_not_lost() {
        fires("Patient denies pain and appears confused", "mental_status");
        fires("denies pain and is lethargic", "mental_status");
        fires("no fever overnight, now drowsy", "mental_status");
        silent("There is no mottling");
        silent("Patient was not confused");
        silent("no confusion was noted");
        silent("confusion is resolved");
        silent("dyspnea is absent");
        silent("non-labored breathing");
    }

    @Test
    void findings_are_grouped_per_category_with_the_configured_phrase() {
        GuardrailAssessment a = Shipped.notes("Lethargic and confused. Skin mottled, cool extremities. UOP 12 mL/hr");
        java.util.Map<String, List<NoteFinding>> by = a.discordanceByCategory();
        assertEquals(List.of("perfusion", "mental_status", "urine_output"), List.copyOf(by.keySet()));
        assertEquals(List.of("mottled skin", "cool extremities"),
                by.get("perfusion").stream().map(NoteFinding::phrase).toList());
        assertEquals(List.of("confused", "lethargic"),
                by.get("mental_status").stream().map(NoteFinding::phrase).toList());
        assertEquals("12", by.get("urine_output").get(0).stated());
    }

    @Test
    void negated_phrases_are_kept_for_audit_and_raise_nothing() {
        GuardrailAssessment a = Shipped.notes("no mottling, denies dyspnea");
        assertTrue(a.discordance().isEmpty());
        assertEquals(List.of("mottling", "dyspnea"), a.negatedFindings().stream().map(NoteFinding::phrase).toList());
    }

    @Test
    void a_finding_inside_a_longer_one_is_reported_once_as_configured_not_as_written() {
        GuardrailAssessment a = Shipped.notes("Skin MOTTLED over both knees");
        assertEquals(1, a.discordance().size());
        assertEquals("mottled skin", a.discordance().get(0).phrase());
        assertEquals("hypoperfusion", a.discordance().get(0).categoryLabel());
    }

    @Test
    void mental_status_at_baseline_per_notes_does_not_count() {
        GuardrailAssessment a = Shipped.notes("Confused at baseline per daughter");
        assertFalse(a.alteredMentationFromNotes());
        assertEquals("baseline per notes", a.discordance().get(0).qualifier());
        assertTrue(Shipped.notes("acutely confused").alteredMentationFromNotes());
    }

    @Test
    void no_notes_is_no_finding() {
        assertTrue(Shipped.notes(null).discordance().isEmpty());
        assertTrue(Shipped.notes("   ").discordance().isEmpty());
        assertFalse(Shipped.notes(null).notesTruncated());
    }

    @Test
    void very_long_notes_are_read_up_to_the_configured_maximum_and_flagged() {
        String longNote = "stable. ".repeat(4000) + "mottled skin";
        GuardrailAssessment a = Shipped.notes(longNote);
        assertTrue(a.notesTruncated());
        assertTrue(a.discordance().isEmpty());
        GuardrailAssessment early = Shipped.notes("mottled skin. " + "stable. ".repeat(4000));
        assertEquals(1, early.discordance().size());
    }

    @Test
    void each_category_is_configured_with_its_label() {
        List<String> ids = Shipped.config().notes().categories().stream().map(NotesMatcher.Category::id).toList();
        assertEquals(List.of("perfusion", "mental_status", "fluid_response", "vasopressors", "urine_output",
                "respiratory_distress"), ids);
        assertNull(Shipped.notes("mottling").discordance().get(0).stated());
    }
}
