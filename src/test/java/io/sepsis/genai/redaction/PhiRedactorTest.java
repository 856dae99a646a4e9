package io.sepsis.genai.redaction;

import io.sepsis.genai.GenaiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiRedactorTest {


    private static final List<String> IDENTIFIERS = List.of("John", "Smith", "01/02/1950", "00123456", "2026-02-08",
            "123 Main Street", "Springfield", "62704", "4411", "Mary", "(555) 123-4567", "123-4567", "7946 0958",
            "mary.smith@example.com", "123-45-6789", "7788991122", "XK4471902", "Jones", "555-987-6543",
            "March 3, 1950", "Patel");

    private static final List<String> CLINICAL = List.of("Lethargic", "skin mottled on lower extremities", "HR 120",
            "BP 85/50", "temp 38.9", "RR 24", "SpO2 91% on 2L NC", "Urine output 10 mL/hr", "over the last 3 hours",
            "cap refill 4 seconds", "Lactate 3.2 -> 4.1", "WBC 18500", "vancomycin 1.5 g IV",
            "piperacillin-tazobactam 4.5 g IV at 14:00", "norepinephrine 0.05 mcg/kg/min", "at 15:30",
            "Mottled knees", "notified at 14:10", "asks for his glasses", " RN");

    @Test
    void realistic_note_loses_every_identifier_and_keeps_every_clinical_value() {
        PhiRedactor.Redaction r = PhiRedactor.redact(GenaiFixtures.NOTE);
        for (String id : IDENTIFIERS) {
            assertFalse(r.text().contains(id), () -> "identifier left: " + id + "\n" + r.text());
        }
        for (String clinical : CLINICAL) {
            assertTrue(r.text().contains(clinical), () -> "clinical content lost: " + clinical + "\n" + r.text());
        }
    }

    @Test
    void typical_note_loses_its_three_identifiers_and_nothing_else() {
        PhiRedactor.Redaction r = PhiRedactor.redact(GenaiFixtures.TYPICAL_NOTE);
        String expected = GenaiFixtures.TYPICAL_NOTE.replace("admitted 2/14", "admitted [DATE_1]")
                .replace("Dr. Okafor", "Dr. [NAME_1]").replace("555-201-7733", "[PHONE_1]");
        assertEquals(expected, r.text());
        assertEquals(3, r.total());
    }

    @Test
    void realistic_note_reads_with_labels_titles_and_placeholders() {
        String t = PhiRedactor.redact(GenaiFixtures.NOTE).text();
        assertTrue(t.startsWith("Patient: [NAME_1]   DOB: [DATE_1]   MRN: [MRN_1]\n"), t);
        assertTrue(t.contains("Admitted [DATE_2] from home at [ADDRESS_1] (mail to [ADDRESS_2])."), t);
        assertTrue(t.contains("Contact: wife [NAME_2] [PHONE_1], alt [PHONE_2], email [EMAIL_1]."), t);
        assertTrue(t.contains("SSN [SSN_1] on file. Account # [ID_1]. Insurance member ID: [ID_2]."), t);
        assertTrue(t.contains("Dr. [NAME_3] notified at 14:10. Mr. [NAME_1]'s son called from [PHONE_3]."), t);
        assertTrue(t.contains("Born [DATE_3] per chart. [NAME_1] asks for his glasses."), t);
        assertTrue(t.contains("- [NAME_4] RN"), t);
    }

    @Test
    void counts_report_occurrences_per_kind_and_no_values() {
        PhiRedactor.Redaction r = PhiRedactor.redact(GenaiFixtures.NOTE);
        // John Smith, Mary Smith, Jones, (Mr.) Smith, John, (A.) Patel
        assertEquals(6, r.counts().get("NAME"), r.counts().toString());
        assertEquals(1, r.counts().get("MRN"));
        assertEquals(3, r.counts().get("PHONE"));
        assertEquals(1, r.counts().get("EMAIL"));
        assertEquals(3, r.counts().get("DATE"));
        assertEquals(2, r.counts().get("ADDRESS"));
        assertEquals(1, r.counts().get("SSN"));
        assertEquals(2, r.counts().get("ID"));
        assertEquals(r.counts().values().stream().mapToInt(Integer::intValue).sum(), r.total());
        assertFalse(r.counts().toString().contains("Smith"));
    }

    @Test
    void the_same_value_gets_the_same_placeholder_within_one_note() {
        String t = PhiRedactor.redact("""
                Pt name: Maria Lopez. Call (555) 222-3344 or 555.222.3344 or +1 555-222-3344; 555-000-1111 is work.
                Ms. Lopez seen 3/4/2026, again on 3/4/2026. Maria tolerating PO. MRN 8812345, repeat MRN: 8812345.
                """).text();
        assertTrue(t.contains("Pt name: [NAME_1]. Call [PHONE_1] or [PHONE_1] or [PHONE_1]; [PHONE_2] is work."), t);
        assertTrue(t.contains("Ms. [NAME_1] seen [DATE_1], again on [DATE_1]. [NAME_1] tolerating PO."), t);
        assertTrue(t.contains("MRN [MRN_1], repeat MRN: [MRN_1]."), t);
    }

    @Test
    void placeholders_restart_for_each_note() {
        assertEquals("Dr. [NAME_1] aware", PhiRedactor.redact("Dr. Adams aware").text());
        assertEquals("Dr. [NAME_1] aware", PhiRedactor.redact("Dr. Baker aware").text());
    }

    @Test
    void names_after_titles_labels_relations_credentials_and_signatures() {
        assertEquals("Mrs. [NAME_1] and Dr [NAME_2] at bedside",
                PhiRedactor.redact("Mrs. O'Brien and Dr McDonald at bedside").text());
        assertEquals("Patient: [NAME_1], 67M", PhiRedactor.redact("Patient: José García-Lopez, 67M").text());
        assertEquals("name: [NAME_1]", PhiRedactor.redact("name: Ann Lee").text());
        assertEquals("daughter [NAME_1] updated by phone",
                PhiRedactor.redact("daughter Keisha updated by phone").text());
        assertEquals("Spoke with [NAME_1], RN about plan",
                PhiRedactor.redact("Spoke with Jane Doe, RN about plan").text());
        assertEquals("Vitals stable.\n-- [NAME_1]\n", PhiRedactor.redact("Vitals stable.\n-- Kim Nguyen\n").text());
        assertEquals("Signed: [NAME_1] MD", PhiRedactor.redact("Signed: Robert Chen MD").text());
        assertEquals("Patient [NAME_1] admitted from ED",
                PhiRedactor.redact("Patient Jane Roe admitted from ED").text());
        assertEquals("Received report from [NAME_1] RN. Notified [NAME_2] RN.",
                PhiRedactor.redact("Received report from Kim RN. Notified Jane Doe RN.").text());
    }

    @Test
    void phone_numbers_in_us_and_international_formats() {
        for (String phone : List.of("(617) 555-0199", "617-555-0199", "617.555.0199", "+1 617 555 0199",
                "1-800-555-0199", "+44 20 7946 0958", "+33 1 23 45 67 89", "+49 (0)30 1234567", "+91 98765 43210")) {
            PhiRedactor.Redaction r = PhiRedactor.redact("call back at " + phone + " today");
            assertEquals("call back at [PHONE_1] today", r.text(), phone);
        }
        assertEquals("cell: [PHONE_1]", PhiRedactor.redact("cell: 555 0199 22").text());
    }

    @Test
    void emails_ssns_and_identifier_numbers() {
        assertEquals("[EMAIL_1] emailed", PhiRedactor.redact("j.doe+icu@hospital.org.uk emailed").text());
        assertEquals("SSN: [SSN_1]; social security number [SSN_2]",
                PhiRedactor.redact("SSN: 123 45 6789; social security number 987654321").text());
        assertEquals("medical record number: [MRN_1], encounter [ID_1], acct no. [ID_2]",
                PhiRedactor.redact("medical record number: A-55123, encounter 99812, acct no. 44-1923").text());
        assertEquals("ref [ID_1] noted", PhiRedactor.redact("ref 4455667788 noted").text());
        assertEquals("MRN#: [MRN_1] Visit: [ID_1]", PhiRedactor.redact("MRN#: 4455123 Visit: 889911").text());
    }

    @Test
    void dates_in_numeric_iso_and_english_forms() {
        for (String date : List.of("01/02/1950", "1/2/50", "1950-01-02", "02.01.1950", "March 3, 1950", "Mar 3 1950",
                "3 March 1950", "3rd of March", "Sept 14", "March 1950")) {
            assertEquals("DOB [DATE_1].", PhiRedactor.redact("DOB " + date + ".").text(), date);
        }
        assertEquals("born [DATE_1]", PhiRedactor.redact("born March 3, 1950").text());
        assertEquals("admitted [DATE_1] with UTI, seen on [DATE_2]; pain 7/10",
                PhiRedactor.redact("admitted 2/14 with UTI, seen on 2/16; pain 7/10").text());
    }

    @Test
    void addresses_po_boxes_and_zip_codes() {
        assertEquals("lives at [ADDRESS_1], alone",
                PhiRedactor.redact("lives at 42 N. Elm Ave, Apt 3B, Boston, MA 02118-3301, alone").text());
        assertEquals("[ADDRESS_1]", PhiRedactor.redact("P.O. Box 778").text());
        assertEquals("zip [ADDRESS_1]", PhiRedactor.redact("zip 90210").text());
        assertEquals("from [ADDRESS_1]", PhiRedactor.redact("from Des Moines, IA 50309").text());
    }

    @Test
    void ages_over_89_are_aggregated() {
        assertEquals("90+ yo female, age 90+", PhiRedactor.redact("93 yo female, age 93").text());
        assertEquals("a 90+-year-old man", PhiRedactor.redact("a 101-year-old man").text());
        assertEquals("67 yo male", PhiRedactor.redact("67 yo male").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HR 120, BP 85/50, temp 38.9, RR 28, SpO2 88% on 4L NC, MAP 62.",
            "Urine output 10 mL/hr x 3 hr, cap refill 4 seconds, pain 7/10, GCS 13/15.",
            "Lethargic. Mottled. Confused and combative overnight.",
            "Patient: lethargic, mottled knees. Patient: Lethargic and Mottled.",
            "Given Tylenol 650 mg PO at 22:00, Zosyn 4.5 g IV q6h, Vanc 1 g IV q12h.",
            "Norepinephrine 8 mcg/min started at 03:15; 30 mL/kg LR bolus over 30 min.",
            "ABG 7.28/32/65, lactate 4.1, Plt 45, INR 2.6, WBC 18500, Cr 2.1 from baseline 1.0.",
            "BP 85/50 Notified Dr at 14:00 and Called MD at 14:30 per sepsis protocol.",
            "ID consult called. Blood cultures x2 drawn. Room 412, bed 2.",
            "Mother Hx of CKD. Wife Aware of plan. Son Updated.",
            "Lactate rising 2.1 -> 3.4 over 2 h; May need pressors.",
            "- Blood cultures pending\n- Lactate repeat at 16:00\n- Fluids: 2 L NS",
            "Ibuprofen held per MD. Paged Peds MD and Charge RN; Covering MD aware.",
            "Pt on 2 pressors since 14:00, BP 98/60 -> 88/52, MEWS 6.",
    })
    void clinical_text_is_left_unchanged(String clinical) {
        PhiRedactor.Redaction r = PhiRedactor.redact(clinical);
        assertEquals(clinical, r.text());
        assertEquals(0, r.total(), r.counts().toString());
    }

    @Test
    void adversarial_20000_character_notes_are_processed_in_linear_time() {
        List<String> junk = List.of("Dr. ", "Patient: ", "1-2-", "phone 1 2 3 ", "+1 (", "a@b.", "- J. ", "12 ",
                "Mr Aaaa Bbbb Cccc ", "MRN ", "99 y", "March ", "0000000");
        for (String piece : junk) {
            String note = piece.repeat(20_000 / piece.length());
            long t0 = System.nanoTime();
            PhiRedactor.redact(note);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 500, piece + " took " + ms + " ms");
        }
    }

    @Test
    void empty_and_null_text_redact_to_empty() {
        assertEquals("", PhiRedactor.redact(null).text());
        assertEquals("", PhiRedactor.redact("").text());
        assertTrue(PhiRedactor.redact("").counts().isEmpty());
    }
}
