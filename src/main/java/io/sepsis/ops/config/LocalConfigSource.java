package io.sepsis.ops.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A configuration on this instance: the configured path if set (it must exist), else {@code defaultFile} under the
 * working directory, else the copy packaged in the jar (the embedded default). Read again on every reload; not
 * polled (an operator changing a file on one instance reloads it explicitly).
 */
public final class LocalConfigSource implements ConfigSource {
    private final Optional<String> configuredPath;
    private final String defaultFile;
    private final String packaged;

    public LocalConfigSource(Optional<String> configuredPath, String defaultFile, String packaged) {
        this.configuredPath = configuredPath.filter(s -> !s.isBlank());
        this.defaultFile = defaultFile;
        this.packaged = packaged;
    }

    @Override
    public String location() {
        return configuredPath.orElse(defaultFile);
    }

    @Override
    public Fetched fetch() throws IOException {
        if (configuredPath.isPresent()) {
            Path p = Path.of(configuredPath.get());
            return new Fetched(p.toString(), Files.readAllBytes(p), null);
        }
        Path p = Path.of(defaultFile);
        if (Files.isRegularFile(p)) {
            return new Fetched(p.toString(), Files.readAllBytes(p), null);
        }
        try (InputStream in = LocalConfigSource.class.getResourceAsStream(packaged)) {
            if (in == null) {
                throw new IOException("no packaged default");
            }
            return new Fetched("classpath:" + packaged, in.readAllBytes(), null);
        }
    }
}
