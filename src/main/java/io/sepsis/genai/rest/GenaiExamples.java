package io.sepsis.genai.rest;

/** OpenAPI examples of the GenAI pathway (shown in Swagger UI at /docs). */
final class GenaiExamples {
    private GenaiExamples() {
    }

    static final String REQUEST = """
            {"patient_id": "TEST001",
             "vitals": {"HR": [118, 104, 96], "SBP": 88, "Temp": 38.9, "Lactate": 3.2, "WBC": 18.5,
                        "Resp": [{"val": 24, "ts": "2026-11-23T10:00:00Z"}, {"val": 20, "ts": "2026-11-23T08:00:00Z"}]},
             "notes": "Patient appears lethargic, skin mottled on lower extremities",
             "patient_history": {"conditions": ["chronic hypertension"], "medications": ["metoprolol"]}}""";

    static final String RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "patient_id": "TEST001",
             "status": "degraded", "degraded_reason": "llm_disabled", "decided_by": "ml_baseline+guardrail",
             "risk_score": 95, "priority": "Critical", "sepsis_probability_6h": "High", "confidence_level": null,
             "clinical_rationale": "LLM unavailable (llm_disabled). Deterministic result: ML risk 80 (CRITICAL); 6 guardrail rule(s) breached; criteria met: septic shock ...",
             "alert_level": "CRITICAL", "alert_color": "red", "action_required": "Immediate bedside review ...",
             "guardrail_override": true,
             "override_reasons": ["sbp_critical: SBP 88 <= 90 mmHg", "lactate_elevated: Lactate 3.2 >= 2.0 mmol/L",
                                  "septic_shock: hypotension and lactate >= 2 mmol/L"],
             "escalations": [], "llm_initial_risk_score": null, "near_miss": false,
             "early_warnings": ["early sepsis vitals: 3 of 4"],
             "history_context": ["beta-blocker: heart rate may be blunted (masks tachycardia)"],
             "discordance": [{"category": "perfusion", "label": "hypoperfusion", "phrase": "mottled skin"},
                             {"category": "mental_status", "label": "new altered mental status", "phrase": "lethargic"}],
             "rules_breached": [{"id": "sbp_critical", "category": "hemodynamic", "condition": "SBP 88 <= 90 mmHg",
                                 "value": 88.0, "unit": "mmHg", "role": "trigger", "source": "Sepsis-3 ..."}],
             "differential_diagnoses": ["bleeding", "dehydration"],
             "clinical_scores": {"qsofa": {"score": 3, "max_score": 3, "components": ["..."], "missing": [],
                                  "interpretation": "high risk", "partial": false}},
             "ml_baseline": {"sepsis_probability": 0.12, "risk_score": 80, "risk_level": "CRITICAL",
                             "model_version": "sepsis-xgb-77c19ac0a13f", "thresholds_version": "ml-thresholds-2026-12-07.1"},
             "redactions": {}, "injection_flags": [],
             "guardrail_version": "guardrail-3.0.1", "prompt_version": "sepsis-assessment-v1", "llm": null,
             "warnings": [], "total_processing_time_ms": 0.4}""";

    static final String BATCH_REQUEST = """
            {"patients": [{"patient_id": "A", "vitals": {"HR": 118, "SBP": 88, "Lactate": 3.2}},
                          {"patient_id": "B", "vitals": {"HR": "fast"}}]}""";

    static final String BATCH_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "count": 2,
             "results": [{"index": 0, "patient_id": "A", "result": {"status": "success", "risk_score": 95, "...": "as /genai-classify"}},
                         {"index": 1, "patient_id": "B", "error": {"status": 400, "title": "Invalid request",
                          "errors": [{"field": "patients[1].vitals.HR", "message": "must be a number"}]}}]}""";

    static final String HEALTH = """
            {"status": "disabled", "provider": "none", "model": "none", "circuit_breaker": "closed",
             "guardrail_version": "guardrail-3.0.1", "prompt_version": "sepsis-assessment-v1",
             "llm": {"status": "disabled", "provider": "none", "model": "none", "circuit_state": "closed"},
             "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59"}""";

    static final String PROMPT_RELOADED = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "version": "sepsis-assessment-2026.2",
             "previous_version": "sepsis-assessment-2026.1", "source": "config/prompts/sepsis-assessment.json",
             "loaded_at": "2026-11-23T16:00:00Z"}""";
}
