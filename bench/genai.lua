-- wrk script: POST /genai-classify with the contract's example (LLM_PROVIDER=none: no LLM call, deterministic path).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "local-dev-key"
wrk.body = [[{"patient_id": "TEST001",
 "vitals": {"HR": [118, 104, 96], "SBP": 88, "Temp": 38.9, "Lactate": 3.2, "WBC": 18.5},
 "notes": "Patient appears lethargic, skin mottled on lower extremities",
 "patient_history": {"conditions": ["chronic hypertension"], "medications": ["metoprolol"]}}]]

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50: %.2f ms  p99: %.2f ms  max: %.2f ms  errors: %d non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
