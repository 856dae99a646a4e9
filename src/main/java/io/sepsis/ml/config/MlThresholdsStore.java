package io.sepsis.ml.config;

import io.sepsis.ops.health.ComponentStatus;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the live ML thresholds as one immutable snapshot and swaps it whole on reload. Source, in order:
 * {@code ML_THRESHOLDS_PATH} if set (must exist), else {@code config/ml-thresholds.json} under the working directory,
 * else the copy of that file packaged in the jar (the embedded default).
 */
@ApplicationScoped
@Startup
public class MlThresholdsStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/ml-thresholds.json";
    static final String PACKAGED = "/defaults/ml-thresholds.json";
    private static final Logger LOG = Logger.getLogger(MlThresholdsStore.class);

    private final AtomicReference<MlThresholds> live = new AtomicReference<>();
    private final Optional<String> configuredPath;
    private final Clock clock;
    private volatile String lastError = "not loaded yet";

    @Inject
    public MlThresholdsStore(@ConfigProperty(name = "ml.thresholds.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    MlThresholdsStore(Optional<String> configuredPath, Clock clock) {
        this.configuredPath = configuredPath.filter(s -> !s.isBlank());
        this.clock = clock;
        try {
            reload();
        } catch (MlThresholdsParser.InvalidThresholdsException e) {
            LOG.errorf("ML thresholds not loaded, /classify will answer 503 until a valid file is reloaded: %s",
                    e.getMessage());
        }
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<MlThresholds> current() {
        return Optional.ofNullable(live.get());
    }

    /** Result of a successful reload. */
    public record Reloaded(MlThresholds current, String previousVersion) {
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public synchronized Reloaded reload() throws MlThresholdsParser.InvalidThresholdsException {
        MlThresholds previous = live.get();
        MlThresholds next;
        try {
            Source src = read();
            next = MlThresholdsParser.parse(src.bytes(), src.name(), Instant.now(clock));
        } catch (MlThresholdsParser.InvalidThresholdsException e) {
            lastError = "invalid: " + e.getMessage();
            throw e;
        }
        live.set(next);
        lastError = null;
        LOG.infof("ML thresholds %s loaded from %s (previous: %s)", next.version(), next.source(),
                previous == null ? "none" : previous.version());
        return new Reloaded(next, previous == null ? null : previous.version());
    }

    private record Source(String name, byte[] bytes) {
    }

    private Source read() throws MlThresholdsParser.InvalidThresholdsException {
        try {
            if (configuredPath.isPresent()) {
                Path p = Path.of(configuredPath.get());
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            Path p = Path.of(DEFAULT_FILE);
            if (Files.isRegularFile(p)) {
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            try (InputStream in = MlThresholdsStore.class.getResourceAsStream(PACKAGED)) {
                if (in == null) {
                    throw new IOException("no packaged default");
                }
                return new Source("classpath:" + PACKAGED, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new MlThresholdsParser.InvalidThresholdsException(List.of("cannot read thresholds source "
                    + configuredPath.orElse(DEFAULT_FILE) + ": " + e.getClass().getSimpleName()));
        }
    }

    @Override
    public String component() {
        return "ml_thresholds";
    }

    @Override
    public boolean ready() {
        return live.get() != null;
    }

    @Override
    public String detail() {
        MlThresholds t = live.get();
        if (t == null) {
            return lastError;
        }
        return lastError == null ? t.version() : t.version() + " (last reload refused: " + lastError + ")";
    }
}
