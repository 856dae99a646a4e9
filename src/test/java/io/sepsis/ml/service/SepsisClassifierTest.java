package io.sepsis.ml.service;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsParser;
import io.sepsis.ml.config.RiskLevel;
import io.sepsis.ml.model.SepsisModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped model and the shipped thresholds, without Quarkus. */
class SepsisClassifierTest {
    static SepsisClassifier classifier;
    static MlThresholds thresholds;

    @BeforeAll
    static void load() throws Exception {
        classifier = new SepsisClassifier(SepsisModel.loadFromClasspath());
        thresholds = MlThresholdsParser.parse(Files.readAllBytes(Path.of("config/ml-thresholds.json")),
                "config/ml-thresholds.json", Instant.EPOCH);
    }

    /** A stay that deteriorates into septic shock: hour 3 meets qSOFA and NEWS2, hour 5 the shock criteria. */
    static List<Observation> deterioratingStay() {
        List<Observation> rows = new ArrayList<>();
        double[][] vitals = { // HR, SBP, MAP, Resp, Temp, O2Sat
            {82, 128, 90, 16, 37.0, 97}, {90, 120, 84, 18, 37.6, 96}, {104, 108, 76, 21, 38.3, 95},
            {118, 98, 68, 24, 38.9, 93}, {124, 92, 63, 26, 39.1, 92}, {132, 84, 58, 28, 39.3, 91}};
        for (int h = 0; h < vitals.length; h++) {
            double[] v = vitals[h];
            Observation.Builder b = Observation.builder().set(Field.HR, v[0]).set(Field.SBP, v[1])
                    .set(Field.MAP, v[2]).set(Field.Resp, v[3]).set(Field.Temp, v[4]).set(Field.O2Sat, v[5])
                    .set(Field.Age, 67).set(Field.Gender, 1).set(Field.HospAdmTime, -12).set(Field.ICULOS, h + 1);
            if (h == 5) {
                b.set(Field.Lactate, 4.6); // SBP <= 90, MAP < 65 and lactate >= 2: the shock proxy
            }
            rows.add(b.build());
        }
        return rows;
    }

    @Test
    void each_timeline_hour_is_what_classify_answers_for_that_hour_and_its_history() {
        List<Observation> rows = deterioratingStay();
        List<SepsisClassifier.HourScore> timeline = classifier.timeline(rows, thresholds);
        assertEquals(rows.size(), timeline.size());
        for (int h = 0; h < rows.size(); h++) {
            Classification c = classifier.classify(new PatientInput(null, rows.get(h), rows.subList(0, h), List.of()),
                    thresholds, SepsisClassifier.Explain.NONE);
            SepsisClassifier.HourScore t = timeline.get(h);
            assertEquals(c.probability(), t.probability(), 0.0, "hour " + h);
            assertEquals(c.alert(), t.alert(), "hour " + h);
            assertEquals(c.riskScore(), t.riskScore(), "hour " + h);
            assertEquals(c.level(), t.level(), "hour " + h);
            assertEquals(c.escalationReasons(), t.escalationReasons(), "hour " + h);
        }
    }

    @Test
    void timeline_applies_the_escalation_floors_hour_by_hour() {
        List<SepsisClassifier.HourScore> timeline = classifier.timeline(deterioratingStay(), thresholds);
        assertTrue(timeline.get(0).escalationReasons().isEmpty(), timeline.get(0).escalationReasons().toString());
        assertTrue(timeline.get(3).escalationReasons().stream().anyMatch(r -> r.startsWith("qSOFA 2")),
                timeline.get(3).escalationReasons().toString());
        assertTrue(timeline.get(3).level().compareTo(RiskLevel.HIGH) >= 0);
        assertEquals(RiskLevel.CRITICAL, timeline.get(5).level());
        assertTrue(timeline.get(5).escalationReasons().stream().anyMatch(r -> r.startsWith("septic shock")),
                timeline.get(5).escalationReasons().toString());
    }
}
