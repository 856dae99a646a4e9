package io.sepsis.guardrail.rest;

/** OpenAPI examples of the guardrail endpoints (shown in Swagger UI at /docs). Abbreviated: "..." elides entries. */
final class GuardrailExamples {
    private GuardrailExamples() {
    }

    static final String THRESHOLDS_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "version": "sepsis-guardrail-2026-11-23.1",
             "loaded_at": "2026-11-23T16:00:00Z", "source": "config/guardrails/sepsis-guardrail.json",
             "summary": "60 thresholds, 3 combined criteria, 2 patterns, 11 history checks, 6 notes categories",
             "description": "Deterministic clinical guardrail of the GenAI pathway ...",
             "clinical_reference": "clinical reference v3.0 (2026-02-10), reviewed by the original system's clinicians",
             "thresholds": [
               {"id": "sbp_critical", "category": "hemodynamic", "parameter": "SBP", "operator": "<=", "value": 90,
                "unit": "mmHg", "role": "trigger", "rationale": "Systolic hypotension; ...",
                "source": "International Sepsis Definitions Conference 2001: Levy MM et al., Crit Care Med 2003;31(4):1250-1256; NEWS2 ..."},
               {"id": "map_critical_htn_patient", "category": "hemodynamic", "parameter": "MAP", "operator": "<",
                "value": 75, "unit": "mmHg", "role": "trigger", "requires_history": "chronic_hypertension",
                "rationale": "...", "source": "clinical reference v3.0 (local consensus); ..."}],
             "combined_criteria": [{"id": "septic_shock", "name": "septic shock (Sepsis-3 bedside proxy)",
               "role": "trigger", "min_parts": 2, "parts": [
                 {"label": "hypotension", "any_of": [{"rule": "sbp_critical"}, {"rule": "map_critical"},
                   {"rule": "map_critical_htn_patient"}]},
                 {"label": "hyperlactataemia", "any_of": [{"rule": "lactate_elevated"}]}],
               "rationale": "...", "source": "Sepsis-3: Singer M et al., JAMA 2016;315(8):801-810; ..."}],
             "early_warning_patterns": ["..."], "history_checks": ["..."],
             "notes": {"max_chars": 20000, "match_window_extra_tokens": 3, "stop_words": ["..."],
               "abbreviations": {"AMS": "altered mental status", "WOB": "work of breathing"},
               "negation": {"pre_cues": ["no", "denies", "without", "negative for"], "post_cues": ["absent", "resolved"],
                 "scope_terminators": ["but", "however"], "max_pre_distance": 5, "max_post_distance": 3},
               "categories": ["..."]},
             "differentials": ["..."],
             "decision": {"override": {"on": ["trigger_rules", "trigger_criteria"], "when_risk_below": 80,
                 "risk_score": 95, "priority": "Critical", "sepsis_probability_6h": "High", "rationale": "...",
                 "source": "..."},
               "floors": [{"id": "early_warning_pattern", "on": "early_warning_pattern", "min_risk_score": 70,
                 "min_priority": "High", "rationale": "...", "source": "..."}],
               "near_miss": {"from_risk_score": 75, "to_risk_score": 79},
               "alert_levels": [{"level": "CRITICAL", "color": "red", "min_risk_score": 80, "priority": "Critical",
                 "sepsis_probability_6h": ["High"], "action_required": "Immediate bedside review ..."}]}}""";

    static final String RELOADED_RESPONSE = """
            {"request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59", "version": "sepsis-guardrail-2026-11-24.1",
             "loaded_at": "2026-11-24T09:12:00Z", "source": "config/guardrails/sepsis-guardrail.json",
             "previous_version": "sepsis-guardrail-2026-11-23.1",
             "summary": "60 thresholds, 3 combined criteria, 2 patterns, 11 history checks, 6 notes categories",
             "thresholds": ["..."], "...": "the whole configuration, as GET /genai-guardrail/thresholds"}""";

    static final String INVALID_RESPONSE = """
            {"type": "urn:sepsis:problem:invalid-config", "title": "Invalid guardrail configuration", "status": 422,
             "detail": "Guardrail configuration refused (2 errors); version sepsis-guardrail-2026-11-23.1 stays live",
             "request_id": "3f2a9c1e-2b7d-4c55-9a0e-6f1d2c3b4a59",
             "errors": [{"field": "thresholds[0].operator", "message": "unknown operator '=<' (use <, <=, >, >=, ==)"},
                        {"field": "thresholds[4].source", "message": "required string"}]}""";
}
