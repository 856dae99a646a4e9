package io.sepsis.ml.training;

import io.sepsis.ml.data.Stay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Patient-level folds, stratified so every fold gets its share of septic stays. */
final class Folds {
    private Folds() {
    }

    static int[] assign(List<Stay> stays, int k, long seed) {
        List<Integer> septic = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            (stays.get(i).septic() ? septic : other).add(i);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] fold = new int[stays.size()];
        int next = 0;
        for (List<Integer> group : List.of(septic, other)) {
            for (int i = group.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                Integer t = group.get(i);
                group.set(i, group.get(j));
                group.set(j, t);
            }
            for (int idx : group) {
                fold[idx] = next++ % k;
            }
        }
        return fold;
    }

    static void write(Path file, List<Stay> stays, int[] fold) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(fold.length);
            for (int i = 0; i < fold.length; i++) {
                out.writeUTF(stays.get(i).id());
                out.writeInt(fold[i]);
            }
        }
    }

    static int[] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int[] fold = new int[in.readInt()];
            for (int i = 0; i < fold.length; i++) {
                in.readUTF();
                fold[i] = in.readInt();
            }
            return fold;
        }
    }
}
