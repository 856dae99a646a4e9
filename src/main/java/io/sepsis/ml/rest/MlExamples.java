package io.sepsis.ml.rest;

/** OpenAPI examples of the ML pathway (shown in Swagger UI at /docs). */
final class MlExamples {
    private MlExamples() {
    }

    static final String CLASSIFY_REQUEST = """
            {"patient_id": "P001", "HR": 110, "SBP": 95, "DBP": 60, "Temp": 38.5, "Resp": 22, "O2Sat": 94,
             "WBC": 15.5, "Lactate": 2.5, "Creatinine": 1.8, "Age": 65, "Gender": 1,
             "history": [{"HR": 96, "SBP": 110, "Temp": 38.0, "Resp": 20}, {"HR": 104, "SBP": 101}]}""";

    static final String CLASSIFY_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "patient_id": "P001",
             "sepsis_probability": 0.08979, "alert": true, "risk_level": "HIGH", "risk_score": 73,
             "escalation_reasons": ["qSOFA 2 >= 2 -> at least HIGH", "NEWS2 7 >= 7 -> at least HIGH"],
             "clinical_scores": {
               "qsofa": {"score": 2, "max_score": 3, "components": ["Resp >= 22/min", "SBP <= 100 mmHg"],
                         "missing": ["GCS"], "interpretation": "high risk (qSOFA >= 2)", "partial": true},
               "sirs": {"score": 4, "max_score": 4, "components": ["Temp > 38 °C", "HR > 90/min", "Resp > 20/min",
                        "WBC > 12 x10^3/µL"], "missing": [], "interpretation": "SIRS criteria met", "partial": false},
               "sofa": {"score": 2, "max_score": 24, "components": ["renal: creatinine 1.8 mg/dL (1 pt)",
                        "cardiovascular: MAP < 70 mmHg (1 pt)"], "missing": ["FiO2", "Platelets", "Bilirubin_total", "GCS"],
                        "interpretation": "partial SOFA 2", "partial": true},
               "news2": {"score": 7, "max_score": 20, "components": ["Resp 21-24 (2)", "SpO2 94-95 (1)",
                         "SBP 91-100 (2)", "HR 91-110 (1)", "Temp 38.1-39.0 (1)"], "missing": ["FiO2", "GCS"],
                         "interpretation": "high", "partial": true}},
             "top_factors": [
               {"feature": "Temp", "value": 38.5, "contribution": 0.3709, "direction": "raises risk"},
               {"feature": "FiO2_hours_since", "value": null, "contribution": -0.3135, "direction": "lowers risk"},
               {"feature": "Lactate_hours_since", "value": 0.0, "contribution": 0.2742, "direction": "raises risk"}],
             "explanation_method": "path", "history_hours_used": 2,
             "model_version": "sepsis-xgb-0123456789ab", "thresholds_version": "ml-thresholds-2026-12-07.1",
             "warnings": [], "processing_time_ms": 0.09}""";

    static final String BATCH_REQUEST = """
            {"patients": [{"patient_id": "P001", "HR": 110, "SBP": 95, "Temp": 38.5, "Resp": 22, "Lactate": 2.5},
                          {"patient_id": "P002", "HR": -5}]}""";

    static final String BATCH_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59",
             "results": [{"index": 0, "patient_id": "P001", "result": {"sepsis_probability": 0.084784, "alert": true,
                          "risk_level": "HIGH", "risk_score": 71, "...": "as /classify"}},
                         {"index": 1, "patient_id": "P002", "error": {"type": "urn:sepsis:problem:validation",
                          "title": "Invalid request", "status": 400, "detail": "patients[1].HR: must be between 0 and 300 (beats/min)",
                          "errors": [{"field": "patients[1].HR", "message": "must be between 0 and 300 (beats/min)"}]}}],
             "count": 2, "error_count": 1, "model_version": "sepsis-xgb-0123456789ab",
             "thresholds_version": "ml-thresholds-2026-12-07.1", "processing_time_ms": 0.3}""";

    static final String TIMELINE_REQUEST = """
            {"patient_id": "P001", "observations": [
              {"HR": 88, "SBP": 121, "Temp": 37.1, "Resp": 16, "ICULOS": 1},
              {"HR": 97, "SBP": 112, "Temp": 37.9, "Resp": 19, "ICULOS": 2},
              {"HR": 112, "SBP": 96, "Temp": 38.6, "Resp": 24, "Lactate": 2.8, "ICULOS": 3}]}""";

    static final String TIMELINE_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "patient_id": "P001",
             "scores": [{"hour": 0, "sepsis_probability": 0.00853, "alert": false, "risk_score": 15, "risk_level": "LOW", "escalation_reasons": []},
                        {"hour": 1, "sepsis_probability": 0.024292, "alert": false, "risk_score": 44, "risk_level": "MODERATE", "escalation_reasons": []},
                        {"hour": 2, "sepsis_probability": 0.093724, "alert": true, "risk_score": 74, "risk_level": "HIGH",
                         "escalation_reasons": ["qSOFA 2 >= 2 -> at least HIGH", "NEWS2 7 >= 7 -> at least HIGH"]}],
             "model_version": "sepsis-xgb-0123456789ab", "thresholds_version": "ml-thresholds-2026-12-07.1",
             "warnings": [], "processing_time_ms": 0.2}""";

    static final String THRESHOLDS_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "version": "ml-thresholds-2026-12-07.1",
             "loaded_at": "2026-11-23T16:00:00Z", "source": "config/ml-thresholds.json", "alert_threshold": 0.0271,
             "risk_levels": {"moderate_from": 0.0135, "high_from": 0.0271, "critical_from": 0.1084},
             "risk_score_mapping": "piecewise-linear: ...",
             "escalation_floors": [{"criterion": "septic_shock", "min_level": "CRITICAL", "min_risk_score": 80,
               "rationale": "...", "source": "Sepsis-3: Singer M et al., JAMA 2016"}],
             "site_prevalence": {"septic_stay_rate": 0.05, "source": "ICU sepsis surveillance 2025 (Sepsis-3)",
               "hourly_label_rate": 0.01232, "training_septic_stay_rate": 0.08802,
               "training_hourly_label_rate": 0.02169, "odds_factor": 0.56266},
             "model_version": "sepsis-xgb-0123456789ab", "model_trained_threshold": 0.0271}""";
}
