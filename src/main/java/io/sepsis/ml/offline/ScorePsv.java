package io.sepsis.ml.offline;

import io.sepsis.ml.config.MlThresholds;
import io.sepsis.ml.config.MlThresholdsStore;
import io.sepsis.ml.data.PsvFormat;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.features.FeatureSchema;
import io.sepsis.ml.features.StayFeatures;
import io.sepsis.ml.model.PriorShift;
import io.sepsis.ml.model.SepsisModel;
import io.sepsis.ml.service.SepsisClassifier;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Offline scoring in the PhysioNet Challenge's format, with no HTTP and no Quarkus boot: every {@code .psv} file of
 * INPUT_DIR is scored hour by hour (hour t sees rows 0..t only, through the service's own {@link StayFeatures}) and
 * written to OUTPUT_DIR under the same name as {@code PredictedProbability|PredictedLabel}. The label uses the live
 * alert threshold ({@code ML_THRESHOLDS_PATH}, else {@code config/ml-thresholds.json}, else the packaged default).
 * An input's SepsisLabel column, if present, is never read.
 */
public final class ScorePsv {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: scripts/score-psv INPUT_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.isDirectory(in)) {
            System.err.println("not a directory: " + in);
            System.exit(2);
        }
        long t0 = System.nanoTime();
        SepsisModel model = SepsisModel.loadFromClasspath();
        MlThresholds thresholds = new MlThresholdsStore(Optional.ofNullable(System.getenv("ML_THRESHOLDS_PATH")))
                .current().orElseThrow(() -> new IllegalStateException(
                "no valid ML thresholds (see the log above)"));
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".psv")).sorted().toList();
        }
        AtomicInteger rows = new AtomicInteger();
        PriorShift shift = SepsisClassifier.priorShift(model, thresholds);
        files.parallelStream().forEach(f -> rows.addAndGet(scoreFile(f, out.resolve(f.getFileName()), model, shift,
                thresholds.alertThreshold())));
        System.err.printf(Locale.ROOT, "scored %d files, %d hours in %.1f s (model %s, thresholds %s, alert >= %s%s)%n",
                files.size(), rows.get(), (System.nanoTime() - t0) / 1e9, model.manifest().modelVersion(),
                thresholds.version(), thresholds.alertThreshold(), thresholds.sitePrevalence() == null ? ""
                        : String.format(Locale.ROOT, ", site septic stay rate %s: odds x %.4f",
                        thresholds.sitePrevalence().septicStayRate(), shift.oddsFactor()));
    }

    static int scoreFile(Path input, Path output, SepsisModel model, PriorShift shift, double threshold) {
        try {
            Stay stay;
            try (InputStream is = Files.newInputStream(input)) {
                stay = PsvFormat.parse(input.getFileName().toString(), is);
            }
            StringBuilder sb = new StringBuilder(32 * (stay.hours() + 1));
            sb.append("PredictedProbability|PredictedLabel\n");
            StayFeatures state = new StayFeatures();
            float[] x = new float[FeatureSchema.size()];
            for (double[] row : stay.rows()) {
                state.push(row);
                state.write(x);
                double p = shift.apply(model.probability(x));
                sb.append(String.format(Locale.ROOT, "%.6f", p)).append('|').append(p >= threshold ? 1 : 0).append('\n');
            }
            try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.US_ASCII)) {
                w.write(sb.toString());
            }
            return stay.hours();
        } catch (IOException e) {
            throw new UncheckedIOException(input.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private ScorePsv() {
    }
}
