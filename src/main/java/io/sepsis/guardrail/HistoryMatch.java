package io.sepsis.guardrail;

/** A history check that matched, and the configured term that matched it (never the raw history text). */
public record HistoryMatch(String check, String label, String term) {
}
