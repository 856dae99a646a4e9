package io.sepsis.genai.redaction;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Capitalised words that are never taken for a person's name even where a name is expected ("Patient: Lethargic",
 * "- Blood Cultures", "Mother Hx of ..."): clinical words that start sentences or headings in notes, drug names,
 * abbreviations, titles and credentials, function words, days and months. Matched lower-cased.
 *
 * <p>Why a list: the redactor finds names by context (a title, a "name:" label, a signature), and clinical text
 * capitalises many words in exactly those places. Over-redaction of a clinical word would hide the very content the
 * assessment is about; a missed name is caught by its context in most notes.
 */
final class NotNames {
    private static final Set<String> WORDS = new HashSet<>();

    static {
        add("""
                mr mrs ms miss mx dr drs prof doctor nurse sister rn md do np pa lpn lvn cna rrt aprn crna pharmd dnp
                msn bsn cns fnp acnp mbbs jr sr ii iii
                the a an he she they it we i you his her hers their them him this that these those there here who
                what when where which why how all any each every some no not none nor never yes ok okay
                and or but if then so also still now than at on in into onto with without within for from to of by
                as after before during since until via per upon about above below over under around through
                is was were are be been being has had have having do does did done can could should would will shall
                must may might please
                patient patients pt pts client resident family wife husband son daughter mother father mom dad
                spouse partner friend caregiver staff team provider providers physician physicians attending
                resident fellow intern surgeon surgery hospitalist intensivist pharmacist pharmacy charge primary
                covering oncall on-call night day evening morning afternoon overnight today tonight yesterday
                tomorrow shift bedside
                note notes update addendum assessment plan impression history hx dx tx rx sx fx abx ddx pmh psh
                subjective objective summary events event status review systems ros exam physical general hpi cc
                chief complaint reason admission admitted admit discharge discharged transfer transferred
                code full dnr dni goals care comfort palliative hospice consult consulted consultation
                reports reported states stated denies denied endorses complains complained notes noted notified
                called paged spoke discussed informed aware updated given started administered received continued
                continue continues monitor monitoring monitored plan planned will repeat repeated recheck rechecked
                obtained drawn sent ordered pending awaiting held hold stopped discontinued increased decreased
                titrated weaned started initiated placed inserted removed changed found seen assessed evaluated
                examined observed remains remained appears appeared looks feels felt became becomes developed
                tolerating tolerated refused refuses requested requests unable able
                aware unaware present absent available unavailable concerned upset tearful involved agreeable
                informed consented declined visiting visited bedside phone telephone
                alert oriented awake asleep arousable responsive unresponsive verbal nonverbal confused confusion
                lethargic lethargy drowsy somnolent obtunded stuporous comatose disoriented agitated agitation
                combative restless anxious calm cooperative uncooperative sedated intubated extubated
                mottled mottling pale pallor cool cold warm hot clammy diaphoretic flushed cyanotic cyanosis
                jaundiced jaundice dusky ashen dry moist intact
                febrile afebrile feverish tachycardic bradycardic hypotensive hypertensive normotensive tachypneic
                hypoxic hypoxemic dyspneic septic sepsis shock stable unstable critical critically improving improved
                worsening worsened deteriorating deteriorated unchanged better worse
                skin lungs lung heart abdomen abd extremities extremity neuro neurological cardiac cardiovascular
                respiratory resp renal hepatic gi gu heent chest head neck back legs arms feet hands
                blood urine sputum wound line lines central foley catheter drain tube ett ngt peg picc
                culture cultures lactate lactic labs lab vitals vital signs sign pressure pressures rate rhythm
                temperature temp pulse sats saturation oxygen o2 fluids fluid bolus boluses iv po prn stat
                pain fever fevers chills rigors cough nausea vomiting diarrhea constipation edema rales crackles
                wheezing wheezes rhonchi murmur distress breathing shortness breath sob wob ams
                bp hr rr spo2 map sbp dbp gcs wbc bun cr inr ptt pt/inr hgb hct plt lfts abg vbg cbc bmp cmp ua ucx bcx
                icu micu sicu ccu ed er or pacu floor unit units ward room bed hospital clinic rapid response
                protocol bundle sepsis-protocol
                charge primary bedside floor admitting accepting oncoming outgoing receiving sending triage
                transport travel agency float consulting covering oncall
                ortho orthopedics cards cardiology pulm pulmonary pulmonology peds pediatrics onc oncology gyn ob
                obgyn uro urology derm psych psychiatry nephro neph nephrology heme hematology gastro ent rads
                radiology anesthesia anesthesiology medicine surgical neurology neurosurgery trauma vascular
                infectious geriatrics ems
                negative positive normal abnormal mild moderate severe acute chronic new old recent prior previous
                left right bilateral bilat upper lower anterior posterior
                first second third last next other another same
                mg mcg ml ml/hr units/hr
                tylenol acetaminophen ibuprofen motrin advil naproxen aleve aspirin asa toradol ketorolac
                zosyn piperacillin vancomycin vanc cefepime ceftriaxone rocephin meropenem merrem ertapenem
                invanz ampicillin unasyn augmentin ancef cefazolin flagyl metronidazole cipro ciprofloxacin
                levaquin levofloxacin bactrim azithromycin zithromax doxycycline clindamycin linezolid zyvox
                daptomycin micafungin fluconazole diflucan gentamicin tobramycin aztreonam
                levophed norepinephrine vasopressin epinephrine epi dopamine dobutamine phenylephrine neo
                neosynephrine milrinone
                lasix furosemide heparin lovenox enoxaparin coumadin warfarin eliquis apixaban xarelto
                rivaroxaban plavix insulin lantus humalog metformin metoprolol lopressor toprol carvedilol coreg
                atenolol labetalol lisinopril losartan amlodipine norvasc hydralazine diltiazem cardizem digoxin
                amiodarone statin atorvastatin lipitor simvastatin
                dilaudid hydromorphone morphine fentanyl oxycodone percocet norco tramadol propofol diprivan
                precedex dexmedetomidine ativan lorazepam versed midazolam haldol haloperidol seroquel zofran
                ondansetron reglan protonix pantoprazole pepcid famotidine
                solumedrol solu-medrol methylprednisolone prednisone decadron dexamethasone hydrocortisone
                albuterol duoneb ipratropium keppra levetiracetam dilantin gabapentin neurontin
                normal-saline saline lr ringer ringers albumin
                monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
                january february march april june july august september october november december
                jan feb mar apr jun jul aug sep sept oct nov dec
                """);
    }

    private NotNames() {
    }

    private static void add(String words) {
        for (String w : words.split("\\s+")) {
            if (!w.isEmpty()) {
                WORDS.add(w);
            }
        }
    }

    static boolean contains(CharSequence word) {
        return WORDS.contains(word.toString().toLowerCase(Locale.ROOT));
    }
}
