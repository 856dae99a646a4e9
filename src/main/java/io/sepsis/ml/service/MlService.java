package io.sepsis.ml.service;

import io.sepsis.api.ProblemException;
import io.sepsis.clinical.Observation;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Entry point of the hybrid pathway for the web layer: one live thresholds snapshot per call (a whole batch uses
 * the same one), and 503 until both the model and the thresholds are loaded.
 */
@ApplicationScoped
public class MlService {
    private final ModelHolder models;
    private final MlThresholdsStore thresholds;
    private volatile SepsisClassifier classifier;

    public MlService(ModelHolder models, MlThresholdsStore thresholds) {
        this.models = models;
        this.thresholds = thresholds;
    }

    /** A classifier bound to one thresholds snapshot. */
    public record Bound(SepsisClassifier classifier, MlThresholds thresholds) {
        public Classification classify(PatientInput in, SepsisClassifier.Explain explain) {
            return classifier.classify(in, thresholds, explain);
        }

        public List<SepsisClassifier.HourScore> timeline(List<Observation> rows) {
            return classifier.timeline(rows, thresholds);
        }

        public String modelVersion() {
            return classifier.model().manifest().modelVersion();
        }
    }

    public Bound bind() {
        SepsisClassifier c = classifier;
        if (c == null) {
            c = models.model().map(SepsisClassifier::new).orElseThrow(() -> notReady("model: " + models.detail()));
            classifier = c;
        }
        MlThresholds t = thresholds.current().orElseThrow(() -> notReady("ml_thresholds: " + thresholds.detail()));
        return new Bound(c, t);
    }

    private static ProblemException notReady(String why) {
        return new ProblemException(503, "Service not ready", "The ML pathway is not ready (" + why + ")");
    }
}
