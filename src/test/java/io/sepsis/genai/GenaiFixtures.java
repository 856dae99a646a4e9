package io.sepsis.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Shared inputs of the GenAI preprocessing tests. */
public final class GenaiFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A realistic nursing note with one of every identifier kind and the clinical content that must survive. */
    public static final String NOTE = """
            Patient: John Smith   DOB: 01/02/1950   MRN: 00123456
            Admitted 2026-02-08 from home at 123 Main Street, Springfield, IL 62704 (mail to PO Box 4411).
            Contact: wife Mary Smith (555) 123-4567, alt +44 20 7946 0958, email mary.smith@example.com.
            SSN 123-45-6789 on file. Account # 7788991122. Insurance member ID: XK4471902.
            Lethargic, skin mottled on lower extremities. HR 120, BP 85/50, temp 38.9, RR 24, SpO2 91% on 2L NC.
            Urine output 10 mL/hr over the last 3 hours, cap refill 4 seconds. Lactate 3.2 -> 4.1, WBC 18500.
            Given vancomycin 1.5 g IV and piperacillin-tazobactam 4.5 g IV at 14:00; norepinephrine 0.05 mcg/kg/min
            started at 15:30. Mottled knees. Dr. Jones notified at 14:10. Mr. Smith's son called from 555-987-6543.
            Born March 3, 1950 per chart. John asks for his glasses.
            - A. Patel RN
            """;

    /** A typical ~1 KB nursing note: mostly clinical content, a few identifiers (a date, a name, a phone number). */
    public static final String TYPICAL_NOTE = """
            Pt is a 68 yo M admitted 2/14 from SNF with fever and confusion. Overnight: Temp 38.9, HR 118, BP 88/52
            (MAP 64), RR 24, SpO2 92% on 2L NC. Lethargic but arousable, oriented x1 (baseline x3 per daughter).
            Skin warm, mottled knees, cap refill 4 seconds. Foley placed: UOP 10 mL/hr x 3 h, dark and cloudy.
            Labs: WBC 18.5, lactate 3.2 -> 4.1, Cr 2.1 (baseline 1.0), plt 98. Blood cultures x2 and UA/urine
            culture sent at 02:10. 30 mL/kg LR bolus started at 02:20, BP 92/55 after 1 L. Cefepime 2 g IV and
            vancomycin 1.5 g IV given at 02:45. Dr. Okafor notified at 02:50; ICU consult placed. Plan: repeat
            lactate at 04:45, norepinephrine if MAP < 65 after fluids, strict I&O, neuro checks q2h. Family updated
            by phone (555-201-7733). Home meds: metoprolol 25 mg BID, lisinopril 10 mg daily, metformin 500 mg BID,
            held. Allergies: PCN (rash).
            """;

    /** The contract's example patient with trends (HR as timestamped readings out of order, SBP newest first). */
    public static final String BODY = """
            {"patient_id": "MRN-SECRET-77",
             "vitals": {"HR": [{"val": 104, "ts": "2026-02-10T11:00:00Z"}, {"val": 118, "ts": "2026-02-10T12:00:00Z"},
                               {"val": 96, "ts": "2026-02-10T10:00:00Z"}],
                        "SBP": [88, 101, 112], "DBP": [48, 60, 70], "Temp": 38.9, "Resp": 24, "O2Sat": 95,
                        "Lactate": 3.2, "WBC": 18.5, "Age": 67, "Gender": 1},
             "notes": "Patient appears lethargic, skin mottled on lower extremities",
             "patient_history": {"conditions": ["chronic hypertension"], "medications": ["metoprolol"]}}""";

    private GenaiFixtures() {
    }

    public static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
