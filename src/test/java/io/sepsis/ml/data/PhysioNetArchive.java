package io.sepsis.ml.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads PhysioNet stays straight from the Challenge's {@code training_setA.tar.gz} (a minimal ustar reader: the
 * archive holds only regular files and directories) or from a directory of {@code .psv} files. Stays come back
 * sorted by id so every consumer (training folds, tests, evaluation) sees the same order.
 */
public final class PhysioNetArchive {
    private PhysioNetArchive() {
    }

    public static List<Stay> load(Path source) throws IOException {
        return load(source, id -> true);
    }

    /** Loads the stays whose id (file name without .psv) passes {@code include}. */
    public static List<Stay> load(Path source, Predicate<String> include) throws IOException {
        List<Stay> stays = Files.isDirectory(source) ? loadDirectory(source, include) : loadTarGz(source, include);
        stays.sort(Comparator.comparing(Stay::id));
        return stays;
    }

    private static List<Stay> loadDirectory(Path dir, Predicate<String> include) throws IOException {
        List<Stay> stays = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".psv")).sorted()::iterator) {
                String id = stayId(p.getFileName().toString());
                if (include.test(id)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        stays.add(PsvFormat.parse(id, in));
                    }
                }
            }
        }
        return stays;
    }

    private static List<Stay> loadTarGz(Path tarGz, Predicate<String> include) throws IOException {
        List<Stay> stays = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break; // end-of-archive marker
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] body = in.readNBytes((int) size);
                if (body.length != size) {
                    throw new IOException("truncated archive at " + name);
                }
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
                boolean regular = type == '0' || type == 0;
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (regular && base.endsWith(".psv") && !base.startsWith("._")) {
                    String id = stayId(base);
                    if (include.test(id)) {
                        stays.add(PsvFormat.parse(id, new ByteArrayInputStream(body)));
                    }
                }
            }
        }
        return stays;
    }

    private static String stayId(String fileName) {
        return fileName.substring(0, fileName.length() - ".psv".length());
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }
}
