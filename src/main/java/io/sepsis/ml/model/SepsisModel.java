package io.sepsis.ml.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sepsis.ml.features.FeatureSchema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The shipped model: trees, manifest and feature layout, verified together. Loading refuses a model whose bytes do
 * not match the recorded checksum or whose feature list differs from the code's {@link FeatureSchema}, because
 * either would silently produce wrong probabilities.
 */
public record SepsisModel(TreeEnsemble trees, ModelManifest manifest) {
    public static final String RESOURCE_DIR = "/model/";

    public static SepsisModel loadFromClasspath() throws IOException {
        return load(resource("sepsis-xgb.json"), resource("model-manifest.json"));
    }

    public static SepsisModel load(byte[] modelJson, byte[] manifestJson) throws IOException {
        ModelManifest manifest = new ObjectMapper().readValue(manifestJson, ModelManifest.class);
        String actual = ModelManifest.sha256(modelJson);
        if (!actual.equals(manifest.sha256())) {
            throw new IOException("model checksum mismatch: manifest " + manifest.sha256() + ", file " + actual);
        }
        if (!FeatureSchema.VERSION.equals(manifest.featureSchema())
                || !FeatureSchema.names().equals(manifest.features())) {
            throw new IOException("model was trained on feature layout " + manifest.featureSchema()
                    + ", this build computes " + FeatureSchema.VERSION);
        }
        if (manifest.trainingPrevalence() == null) {
            throw new IOException("model manifest has no training_prevalence (written by EvaluateTraining since "
                    + "2026-12-06): re-run scripts/train-model");
        }
        TreeEnsemble trees = TreeEnsemble.fromJson(new ByteArrayInputStream(modelJson));
        if (trees.numFeatures() != FeatureSchema.size()) {
            throw new IOException("model has " + trees.numFeatures() + " features, schema " + FeatureSchema.size());
        }
        return new SepsisModel(trees, manifest);
    }

    /**
     * The probability the API reports: the trees' raw probability through the isotonic calibration fitted on
     * out-of-fold predictions (identity if the manifest has none).
     */
    public double probability(float[] x) {
        return calibrated(trees.probability(x));
    }

    /** A raw tree probability through the shipped calibration (identity if the manifest has none). */
    public double calibrated(double raw) {
        return manifest.calibration() == null ? raw : manifest.calibration().apply(raw);
    }

    public List<String> featureNames() {
        return manifest.features();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SepsisModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + RESOURCE_DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
