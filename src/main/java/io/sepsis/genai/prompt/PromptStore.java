package io.sepsis.genai.prompt;

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
 * Holds the live prompt as one immutable {@link PromptTemplate} and swaps it whole on {@link #reload()}; a file that
 * fails validation leaves the old prompt live and says why. Source, in order: {@code PROMPT_PATH}
 * ({@code genai.prompt.path}) if set (must exist), else {@code config/prompts/sepsis-assessment.json} under the
 * working directory, else the copy packaged in the jar. One request renders with one snapshot
 * ({@link #current()} once, then use the template).
 */
@ApplicationScoped
@Startup
public class PromptStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/prompts/sepsis-assessment.json";
    static final String PACKAGED = "/defaults/prompts/sepsis-assessment.json";
    private static final Logger LOG = Logger.getLogger(PromptStore.class);

    private final AtomicReference<PromptTemplate> live = new AtomicReference<>();
    private final Optional<String> configuredPath;
    private final Clock clock;
    private volatile String lastError = "not loaded yet";

    @Inject
    public PromptStore(@ConfigProperty(name = "genai.prompt.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    PromptStore(Optional<String> configuredPath, Clock clock) {
        this.configuredPath = configuredPath.filter(s -> !s.isBlank());
        this.clock = clock;
        try {
            reload();
        } catch (PromptTemplate.InvalidPromptException e) {
            LOG.errorf("Prompt not loaded, the GenAI pathway cannot call the LLM until a valid file is reloaded: %s",
                    e.getMessage());
        }
    }

    /** The live prompt, or empty until a valid one has been loaded. */
    public Optional<PromptTemplate> current() {
        return Optional.ofNullable(live.get());
    }

    /** Result of a successful reload. */
    public record Reloaded(PromptTemplate current, String previousVersion) {
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old prompt and throws the reasons. */
    public synchronized Reloaded reload() throws PromptTemplate.InvalidPromptException {
        PromptTemplate previous = live.get();
        PromptTemplate next;
        try {
            Source src = read();
            next = PromptTemplate.parse(src.bytes(), src.name(), Instant.now(clock));
        } catch (PromptTemplate.InvalidPromptException e) {
            lastError = "invalid: " + e.getMessage();
            throw e;
        }
        live.set(next);
        lastError = null;
        LOG.infof("Prompt %s loaded from %s (previous: %s)", next.version(), next.source(),
                previous == null ? "none" : previous.version());
        return new Reloaded(next, previous == null ? null : previous.version());
    }

    private record Source(String name, byte[] bytes) {
    }

    private Source read() throws PromptTemplate.InvalidPromptException {
        try {
            if (configuredPath.isPresent()) {
                Path p = Path.of(configuredPath.get());
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            Path p = Path.of(DEFAULT_FILE);
            if (Files.isRegularFile(p)) {
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            try (InputStream in = PromptStore.class.getResourceAsStream(PACKAGED)) {
                if (in == null) {
                    throw new IOException("no packaged default");
                }
                return new Source("classpath:" + PACKAGED, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new PromptTemplate.InvalidPromptException(List.of("cannot read prompt source "
                    + configuredPath.orElse(DEFAULT_FILE) + ": " + e.getClass().getSimpleName()));
        }
    }

    @Override
    public String component() {
        return "prompt";
    }

    @Override
    public boolean ready() {
        return live.get() != null;
    }

    @Override
    public String detail() {
        PromptTemplate t = live.get();
        if (t == null) {
            return lastError;
        }
        return lastError == null ? t.version() : t.version() + " (last reload refused: " + lastError + ")";
    }
}
