package io.sepsis.ml.data;

import io.sepsis.clinical.Field;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the PhysioNet 2019 pipe-separated format. Columns are matched by header name, so files with or without
 * {@code SepsisLabel} (41 or 40 columns) both work. Values outside a field's plausible range become NaN here,
 * the single cleaning rule shared by training and offline scoring (the API rejects them instead).
 */
public final class PsvFormat {
    private PsvFormat() {
    }

    public static Stay parse(String id, InputStream in) throws IOException {
        return parse(id, new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    public static Stay parse(String id, Reader reader) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        String header = r.readLine();
        if (header == null) {
            throw new IOException(id + ": empty file");
        }
        String[] names = header.trim().split("\\|");
        int[] target = new int[names.length];
        int labelCol = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("SepsisLabel")) {
                labelCol = i;
                target[i] = -1;
            } else {
                Field f = Field.lookup(names[i]).orElseThrow(() -> new IOException(id + ": unknown column"));
                if (f.ordinal() >= Field.PSV_COLUMNS) {
                    throw new IOException(id + ": column " + f + " is not a PhysioNet column");
                }
                target[i] = f.ordinal();
            }
        }
        List<double[]> rows = new ArrayList<>(64);
        List<Integer> labels = new ArrayList<>(64);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            double[] row = new double[Field.PSV_COLUMNS];
            Arrays.fill(row, Double.NaN);
            int col = 0;
            int start = 0;
            int label = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == '|') {
                    if (col >= names.length) {
                        throw new IOException(id + ": row " + rows.size() + " has too many columns");
                    }
                    double v = parseValue(line, start, i);
                    if (col == labelCol) {
                        label = v == 1.0 ? 1 : 0;
                    } else if (!Double.isNaN(v) && Field.byOrdinal(target[col]).isPlausible(v)) {
                        row[target[col]] = v;
                    }
                    col++;
                    start = i + 1;
                }
            }
            if (col != names.length) {
                throw new IOException(id + ": row " + rows.size() + " has " + col + " columns, header " + names.length);
            }
            rows.add(row);
            labels.add(label);
        }
        return new Stay(id, rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double parseValue(String line, int from, int to) {
        if (to - from == 3 && line.startsWith("NaN", from)) {
            return Double.NaN;
        }
        return Double.parseDouble(line.substring(from, to).trim());
    }
}
