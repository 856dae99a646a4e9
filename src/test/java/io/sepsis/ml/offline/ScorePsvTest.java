package io.sepsis.ml.offline;

import io.sepsis.clinical.Field;
import io.sepsis.ml.data.PhysioNetArchive;
import io.sepsis.ml.data.Stay;
import io.sepsis.ml.model.PriorShift;
import io.sepsis.ml.model.SepsisModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline scoring in the Challenge's format on real set-A files. */
class ScorePsvTest {
    @TempDir
    Path dir;

    @Test
    void writes_one_prediction_row_per_hour_without_look_ahead_and_ignores_the_label() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        // Three real stays from set A.
        List<String> ids = List.of("p000001", "p000009", "p000017");
        extract(ids, in);
        String full = Files.readString(in.resolve("p000009.psv"));
        List<String> lines = full.lines().toList();
        // The same stay cut after 10 hours, and with the SepsisLabel column removed (40 columns).
        Files.writeString(in.resolve("cut.psv"), String.join("\n", lines.subList(0, 11)) + "\n");
        StringBuilder noLabel = new StringBuilder();
        for (String l : lines) {
            noLabel.append(l, 0, l.lastIndexOf('|')).append('\n');
        }
        Files.writeString(in.resolve("nolabel.psv"), noLabel);

        ScorePsv.main(new String[]{in.toString(), out.toString()});

        for (String id : ids) {
            List<String> o = Files.readAllLines(out.resolve(id + ".psv"));
            List<String> i = Files.readAllLines(in.resolve(id + ".psv"));
            assertEquals("PredictedProbability|PredictedLabel", o.get(0));
            assertEquals(i.size(), o.size(), id + ": one row per input row");
            for (String row : o.subList(1, o.size())) {
                String[] f = row.split("\\|");
                double p = Double.parseDouble(f[0]);
                assertTrue(p >= 0 && p <= 1);
                assertTrue(f[1].equals("0") || f[1].equals("1"));
            }
        }
        List<String> whole = Files.readAllLines(out.resolve("p000009.psv"));
        List<String> cut = Files.readAllLines(out.resolve("cut.psv"));
        assertEquals(whole.subList(0, 11), cut, "hour t's score must not depend on later hours");
        assertEquals(whole, Files.readAllLines(out.resolve("nolabel.psv")), "the label column is never read");
    }

    @Test
    void a_site_prevalence_shifts_every_hour_and_the_label_follows_the_shifted_probability() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in2"));
        extract(List.of("p000009"), in);
        SepsisModel model = SepsisModel.loadFromClasspath();
        PriorShift rarer = PriorShift.toSite(model.manifest().trainingPrevalence(), 0.03);
        double threshold = 0.0258;
        ScorePsv.scoreFile(in.resolve("p000009.psv"), dir.resolve("plain.psv"), model, PriorShift.NONE, threshold);
        ScorePsv.scoreFile(in.resolve("p000009.psv"), dir.resolve("site.psv"), model, rarer, threshold);
        List<String> plain = Files.readAllLines(dir.resolve("plain.psv"));
        List<String> site = Files.readAllLines(dir.resolve("site.psv"));
        assertEquals(plain.size(), site.size());
        int lower = 0;
        for (int t = 1; t < plain.size(); t++) {
            double p = Double.parseDouble(plain.get(t).split("\\|")[0]);
            String[] f = site.get(t).split("\\|");
            double q = Double.parseDouble(f[0]);
            assertEquals(rarer.apply(p), q, 2e-6, "hour " + t);
            assertEquals(q >= threshold ? "1" : "0", f[1], "hour " + t);
            lower += q < p ? 1 : 0;
        }
        assertEquals(plain.size() - 1, lower, "a site with fewer septic stays than set A lowers every hour");
    }

    /** Writes stays back as PhysioNet .psv files (40 data columns + SepsisLabel). */
    private static void extract(List<String> ids, Path to) throws Exception {
        List<Stay> stays = PhysioNetArchive.load(Path.of("../shared/data/physionet2019/training_setA.tar.gz"),
                ids::contains);
        assertEquals(ids.size(), stays.size());
        StringBuilder header = new StringBuilder();
        for (int c = 0; c < Field.PSV_COLUMNS; c++) {
            header.append(Field.byOrdinal(c).name()).append('|');
        }
        header.append("SepsisLabel\n");
        for (Stay s : stays) {
            StringBuilder sb = new StringBuilder(header);
            for (int t = 0; t < s.hours(); t++) {
                for (int c = 0; c < Field.PSV_COLUMNS; c++) {
                    sb.append(s.rows()[t][c]).append('|');
                }
                sb.append(s.labels()[t]).append('\n');
            }
            Files.writeString(to.resolve(s.id() + ".psv"), sb);
        }
    }
}
