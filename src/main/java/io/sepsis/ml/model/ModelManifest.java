package io.sepsis.ml.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What training wrote beside the model ({@code model-manifest.json}): the checksum the service verifies before it
 * serves, the feature layout the trees were trained on, the alert threshold training recommends, the calibration,
 * and how common sepsis was in the training data (what the calibrated probability assumes).
 */
public record ModelManifest(
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("feature_schema") String featureSchema,
        @JsonProperty("features") List<String> features,
        @JsonProperty("trained_threshold") double trainedThreshold,
        @JsonProperty("trained_on") String trainedOn,
        @JsonProperty("data") String data,
        @JsonProperty("calibration") IsotonicCalibration calibration,
        @JsonProperty("training_prevalence") TrainingPrevalence trainingPrevalence) {

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
