package io.sepsis.ml.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sepsis.api.Problem;
import io.sepsis.api.ScoresView;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.model.PriorShift;
import io.sepsis.ml.model.SepsisModel;
import io.sepsis.ml.model.TrainingPrevalence;
import io.sepsis.ml.service.Classification;
import io.sepsis.ml.service.SepsisClassifier;

import java.util.ArrayList;
import java.util.List;

/** Wire format of the ML pathway (field names from docs/API-CONTRACT.md). */
final class MlResponses {
    private MlResponses() {
    }

    record Factor(String feature, Double value, double contribution, String direction) {
        static Factor of(Classification.Factor f) {
            return new Factor(f.feature(), f.value(), round(f.contribution(), 4),
                    f.contribution() > 0 ? "raises risk" : "lowers risk");
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Classify(
            @JsonProperty("request_id") String requestId,
            @JsonProperty("patient_id") String patientId,
            @JsonProperty("sepsis_probability") double sepsisProbability,
            boolean alert,
            @JsonProperty("risk_level") String riskLevel,
            @JsonProperty("risk_score") int riskScore,
            @JsonProperty("escalation_reasons") List<String> escalationReasons,
            @JsonProperty("clinical_scores") ScoresView clinicalScores,
            @JsonProperty("top_factors") List<Factor> topFactors,
            @JsonProperty("explanation_method") String explanationMethod,
            @JsonProperty("history_hours_used") int historyHoursUsed,
            @JsonProperty("model_version") String modelVersion,
            @JsonProperty("thresholds_version") String thresholdsVersion,
            List<String> warnings,
            @JsonProperty("processing_time_ms") double processingTimeMs) {

        static Classify of(String requestId, String patientId, Classification c, int historyRows, String model,
                           String thresholds, List<String> warnings, long startNanos) {
            List<Factor> factors = new ArrayList<>(c.topFactors().size());
            for (Classification.Factor f : c.topFactors()) {
                factors.add(Factor.of(f));
            }
            return new Classify(requestId, patientId, round(c.probability(), 6), c.alert(), c.level().name(),
                    c.riskScore(), c.escalationReasons(), ScoresView.of(c.scores()), factors, c.explanationMethod(),
                    historyRows, model, thresholds, warnings, elapsedMs(startNanos));
        }
    }

    /** One batch entry: a result, or the index and problem of an invalid patient. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchEntry(Integer index, @JsonProperty("patient_id") String patientId, Classify result, Problem error) {
    }

    record Batch(@JsonProperty("request_id") String requestId, List<Object> results, int count,
                 @JsonProperty("error_count") int errorCount, @JsonProperty("model_version") String modelVersion,
                 @JsonProperty("thresholds_version") String thresholdsVersion,
                 @JsonProperty("processing_time_ms") double processingTimeMs) {
    }

    record HourScore(int hour, @JsonProperty("sepsis_probability") double sepsisProbability, boolean alert,
                     @JsonProperty("risk_score") int riskScore, @JsonProperty("risk_level") String riskLevel,
                     @JsonProperty("escalation_reasons") List<String> escalationReasons) {
        static HourScore of(SepsisClassifier.HourScore h) {
            return new HourScore(h.hour(), round(h.probability(), 6), h.alert(), h.riskScore(), h.level().name(),
                    h.escalationReasons());
        }
    }

    record Timeline(@JsonProperty("request_id") String requestId, @JsonProperty("patient_id") String patientId,
                    List<HourScore> scores, @JsonProperty("model_version") String modelVersion,
                    @JsonProperty("thresholds_version") String thresholdsVersion, List<String> warnings,
                    @JsonProperty("processing_time_ms") double processingTimeMs) {
    }

    record Floor(String criterion, @JsonProperty("min_level") String minLevel, @JsonProperty("min_risk_score") int minScore,
                 String rationale, String source) {
    }

    record RiskLevels(@JsonProperty("moderate_from") double moderateFrom, @JsonProperty("high_from") double highFrom,
                      @JsonProperty("critical_from") double criticalFrom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Thresholds(@JsonProperty("request_id") String requestId, String version, String description,
                      @JsonProperty("loaded_at") String loadedAt, String source,
                      @JsonProperty("alert_threshold") double alertThreshold,
                      @JsonProperty("risk_levels") RiskLevels riskLevels,
                      @JsonProperty("risk_score_mapping") String riskScoreMapping,
                      @JsonProperty("escalation_floors") List<Floor> floors,
                      @JsonProperty("site_prevalence") SitePrevalence sitePrevalence,
                      @JsonProperty("model_version") String modelVersion,
                      @JsonProperty("model_trained_threshold") Double trainedThreshold,
                      @JsonProperty("previous_version") String previousVersion) {

        static Thresholds of(String requestId, MlThresholds t, SepsisModel model, String previous) {
            List<Floor> floors = new ArrayList<>();
            for (MlThresholds.Floor f : t.floors()) {
                floors.add(new Floor(f.criterion().key(), f.minLevel().name(), f.minLevel().scoreFrom, f.rationale(),
                        f.source()));
            }
            return new Thresholds(requestId, t.version(), t.description(), t.loadedAt().toString(), t.source(),
                    t.alertThreshold(), new RiskLevels(t.moderateFrom(), t.alertThreshold(), t.criticalFrom()),
                    "piecewise-linear: p=0 -> 0, moderate_from -> 25, alert_threshold -> 50 (HIGH), "
                            + "critical_from -> 80 (CRITICAL), p=1 -> 100; escalation floors only raise it",
                    floors, SitePrevalence.of(t, model), model == null ? null : model.manifest().modelVersion(),
                    model == null ? null : model.manifest().trainedThreshold(), previous);
        }
    }

    /**
     * The prevalence the probabilities are for: the training data's, and the site's when the thresholds state one,
     * with the factor applied to the odds (1 = none).
     */
    record SitePrevalence(@JsonProperty("septic_stay_rate") Double septicStayRate, String source,
                          @JsonProperty("hourly_label_rate") Double hourlyLabelRate,
                          @JsonProperty("training_septic_stay_rate") Double trainingSepticStayRate,
                          @JsonProperty("training_hourly_label_rate") Double trainingHourlyLabelRate,
                          @JsonProperty("odds_factor") double oddsFactor) {

        static SitePrevalence of(MlThresholds t, SepsisModel model) {
            TrainingPrevalence tp = model == null ? null : model.manifest().trainingPrevalence();
            MlThresholds.SitePrevalence site = t.sitePrevalence();
            PriorShift shift = model == null ? PriorShift.NONE : SepsisClassifier.priorShift(model, t);
            return new SitePrevalence(site == null ? null : site.septicStayRate(),
                    site == null ? "not stated: probabilities are for the training population" : site.source(),
                    site == null || model == null ? null : round(shift.siteHourlyRate(), 5),
                    tp == null ? null : round(tp.septicStayRate(), 5), tp == null ? null : round(tp.hourlyLabelRate(), 5),
                    round(shift.oddsFactor(), 5));
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static double elapsedMs(long startNanos) {
        return round((System.nanoTime() - startNanos) / 1e6, 3);
    }
}
