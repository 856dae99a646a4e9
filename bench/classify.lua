-- wrk script: POST /classify with the contract's example patient (snapshot + 2 hours of history).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "local-dev-key"
wrk.body = [[{"patient_id": "P001", "HR": 110, "SBP": 95, "DBP": 60, "Temp": 38.5, "Resp": 22, "O2Sat": 94,
 "WBC": 15.5, "Lactate": 2.5, "Creatinine": 1.8, "Age": 65, "Gender": 1,
 "history": [{"HR": 96, "SBP": 110, "Temp": 38.0, "Resp": 20}, {"HR": 104, "SBP": 101}]}]]

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50: %.2f ms  p99: %.2f ms  max: %.2f ms  errors: %d non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
