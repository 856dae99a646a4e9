package io.sepsis.guardrail.config;

import io.quarkus.runtime.Startup;
import io.sepsis.ops.health.ComponentStatus;
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
 * Holds the live guardrail configuration as one immutable snapshot and swaps it whole on reload. Source, in order:
 * {@code GUARDRAIL_CONFIG_PATH} (property {@code guardrail.config.path}) if set (must exist), else
 * {@code config/guardrails/sepsis-guardrail.json} under the working directory, else the copy of that file packaged in
 * the jar. A reload that fails validation keeps the old snapshot and reports every reason.
 */
@ApplicationScoped
@Startup
public class GuardrailStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/guardrails/sepsis-guardrail.json";
    static final String PACKAGED = "/defaults/guardrails/sepsis-guardrail.json";
    private static final Logger LOG = Logger.getLogger(GuardrailStore.class);

    private final AtomicReference<GuardrailConfig> live = new AtomicReference<>();
    private final Optional<String> configuredPath;
    private final Clock clock;
    private volatile String lastError = "not loaded yet";

    @Inject
    public GuardrailStore(@ConfigProperty(name = "guardrail.config.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    GuardrailStore(Optional<String> configuredPath, Clock clock) {
        this.configuredPath = configuredPath.filter(s -> !s.isBlank());
        this.clock = clock;
        try {
            reload();
        } catch (InvalidGuardrailConfigException e) {
            LOG.errorf("Guardrail configuration not loaded; the GenAI pathway has no guardrail until a valid file is "
                    + "reloaded: %s", e.getMessage());
        }
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<GuardrailConfig> current() {
        return Optional.ofNullable(live.get());
    }

    /** Result of a successful reload. */
    public record Reloaded(GuardrailConfig current, String previousVersion) {
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public synchronized Reloaded reload() throws InvalidGuardrailConfigException {
        GuardrailConfig previous = live.get();
        GuardrailConfig next;
        try {
            Source src = read();
            next = GuardrailConfigParser.parse(src.bytes(), src.name(), Instant.now(clock));
        } catch (InvalidGuardrailConfigException e) {
            lastError = "invalid: " + e.getMessage();
            throw e;
        }
        live.set(next);
        lastError = null;
        LOG.infof("Guardrail configuration %s loaded from %s: %s (previous: %s)", next.version(), next.source(),
                next.summary(), previous == null ? "none" : previous.version());
        return new Reloaded(next, previous == null ? null : previous.version());
    }

    private record Source(String name, byte[] bytes) {
    }

    private Source read() throws InvalidGuardrailConfigException {
        try {
            if (configuredPath.isPresent()) {
                Path p = Path.of(configuredPath.get());
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            Path p = Path.of(DEFAULT_FILE);
            if (Files.isRegularFile(p)) {
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            try (InputStream in = GuardrailStore.class.getResourceAsStream(PACKAGED)) {
                if (in == null) {
                    throw new IOException("no packaged default");
                }
                return new Source("classpath:" + PACKAGED, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new InvalidGuardrailConfigException(List.of("file: cannot read guardrail configuration "
                    + configuredPath.orElse(DEFAULT_FILE) + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    @Override
    public String component() {
        return "guardrail_config";
    }

    @Override
    public boolean ready() {
        return live.get() != null;
    }

    @Override
    public String detail() {
        GuardrailConfig c = live.get();
        if (c == null) {
            return lastError;
        }
        return lastError == null ? c.version() : c.version() + " (last reload refused: " + lastError + ")";
    }
}
