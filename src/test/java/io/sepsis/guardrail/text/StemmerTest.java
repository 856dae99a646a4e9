package io.sepsis.guardrail.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class StemmerTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"mottled,mottling", "mottle,mottles", "confused,confusion", "lethargic,lethargy",
        "lethargic,lethargically", "drowsy,drowsiness", "agitated,agitation", "disoriented,disorientation",
        "obtunded,obtundation", "somnolent,somnolence", "dyspnea,dyspneic", "dyspnea,dyspnoea", "orthopnea,orthopneic",
        "oliguria,oliguric", "anuria,anuric", "extremities,extremity", "retractions,retracting",
        "hypotension,hypotensive", "responsive,response", "bolus,boluses", "delayed,delay", "bobbing,bob",
        "seconds,second", "requiring,required", "breathing,breathe", "perfusion,perfused", "pressors,pressor"})
    void inflections_share_a_stem(String a, String b) {
        assertEquals(Stemmer.stem(a), Stemmer.stem(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({"pressor,pressure", "cyanosis,cyanotic", "distress,dress", "refill,refile", "labored,unlabored"})
    void different_words_stay_apart(String a, String b) {
        assertNotEquals(Stemmer.stem(a), Stemmer.stem(b));
    }
}
