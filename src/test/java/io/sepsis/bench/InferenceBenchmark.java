package io.sepsis.bench;

import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsStore;
import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.model.SepsisModel;
import io.sepsis.ml.model.TreeEnsemble;
import io.sepsis.ml.service.PatientInput;
import io.sepsis.ml.service.SepsisClassifier;
import io.sepsis.ml.training.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-patient inference cost on real set-A rows (the service's own features of ~3,800 hours, rotated so the branch
 * predictor cannot memorise one path). Run: see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class InferenceBenchmark {
    private static final int ROWS = 1024;
    TreeEnsemble trees;
    Booster booster;
    float[][] x;
    List<PatientInput> patients;
    MlThresholds thresholds;
    SepsisClassifier classifier;
    double[] contrib;
    int i;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        SepsisModel model = SepsisModel.loadFromClasspath();
        trees = model.trees();
        classifier = new SepsisClassifier(model);
        thresholds = new MlThresholdsStore(Optional.empty()).current().orElseThrow();
        booster = XGBoost.loadModel(InferenceBenchmark.class.getResourceAsStream("/model/sepsis-xgb.json"));
        booster.setParam("nthread", 1);
        List<Stay> stays = PhysioNetArchive.load(Path.of("../shared/data/physionet2019/training_setA.tar.gz"),
                id -> id.endsWith("7")).subList(0, 100);
        Dataset d = Dataset.history(stays);
        x = new float[ROWS][d.cols()];
        for (int r = 0; r < ROWS; r++) {
            int src = (int) ((long) r * d.rows() / ROWS);
            System.arraycopy(d.x(), src * d.cols(), x[r], 0, d.cols());
        }
        patients = new ArrayList<>();
        for (Stay s : stays) {
            double[] last = new double[Field.COUNT];
            java.util.Arrays.fill(last, Double.NaN);
            System.arraycopy(s.rows()[s.hours() - 1], 0, last, 0, Field.PSV_COLUMNS);
            patients.add(new PatientInput(s.id(), Observation.of(last), List.of(), List.of()));
        }
        contrib = new double[d.cols() + 1];
    }

    private float[] next() {
        i = (i + 1) & (ROWS - 1);
        return x[i];
    }

    @Benchmark
    public double pureJavaProbability() {
        return trees.probability(next());
    }

    @Benchmark
    public double pureJavaWithPathAttribution() {
        return trees.pathContributions(next(), contrib);
    }

    @Benchmark
    public double pureJavaWithTreeShap() {
        return trees.shapContributions(next(), contrib);
    }

    @Benchmark
    public float xgboost4jSingleRow() throws Exception {
        DMatrix m = new DMatrix(next(), 1, x[0].length, Float.NaN);
        float p = booster.predict(m)[0][0];
        m.dispose();
        return p;
    }

    /** Everything /classify does for a snapshot except JSON: features, trees, path attribution, scores, floors. */
    @Benchmark
    public Object classifySnapshotEndToEndCore() {
        i = (i + 1) % patients.size();
        return classifier.classify(patients.get(i), thresholds, SepsisClassifier.Explain.PATH);
    }
}
