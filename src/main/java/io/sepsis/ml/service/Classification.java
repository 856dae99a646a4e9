package io.sepsis.ml.service;

import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.ml.config.RiskLevel;

import java.util.List;

/** The hybrid pathway's answer for one patient, before it is mapped to the wire format. */
public record Classification(double probability, boolean alert, RiskLevel level, int riskScore,
                             List<String> escalationReasons, ClinicalScores scores, List<Factor> topFactors,
                             String explanationMethod) {

    /** A feature that moved the prediction: its value (null when missing) and signed log-odds contribution. */
    public record Factor(String feature, Double value, double contribution) {
    }
}
