package io.sepsis.ml.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Row-level predictions with their label and stay index, as saved between training and evaluation. */
record Predictions(float[] p, float[] y, int[] stay) {

    static void write(Path file, float[] p, float[] y, int[] stay) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(p.length);
            for (int i = 0; i < p.length; i++) {
                out.writeFloat(p[i]);
                out.writeFloat(y[i]);
                out.writeInt(stay[i]);
            }
        }
    }

    static Predictions read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int n = in.readInt();
            float[] p = new float[n];
            float[] y = new float[n];
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = in.readFloat();
                y[i] = in.readFloat();
                s[i] = in.readInt();
            }
            return new Predictions(p, y, s);
        }
    }

    /** Regroups rows into per-stay arrays in row order (rows of one stay are contiguous and in hour order). */
    double[][] probabilitiesByStay() {
        return group(true);
    }

    int[][] labelsByStay() {
        double[][] g = group(false);
        int[][] out = new int[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = new int[g[i].length];
            for (int j = 0; j < g[i].length; j++) {
                out[i][j] = (int) g[i][j];
            }
        }
        return out;
    }

    private double[][] group(boolean prob) {
        int groups = 0;
        for (int i = 0; i < stay.length; i++) {
            if (i == 0 || stay[i] != stay[i - 1]) {
                groups++;
            }
        }
        double[][] out = new double[groups][];
        int g = -1;
        int start = 0;
        for (int i = 0; i <= stay.length; i++) {
            if (i == stay.length || (i > 0 && stay[i] != stay[i - 1])) {
                double[] a = new double[i - start];
                for (int j = start; j < i; j++) {
                    a[j - start] = prob ? p[j] : y[j];
                }
                out[++g] = a;
                start = i;
            }
        }
        return out;
    }
}
