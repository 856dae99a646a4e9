package io.sepsis.ops.config;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One hot-reloadable configuration file (ML thresholds, guardrail rules, prompt), held as one immutable, validated
 * snapshot and swapped whole: a reader never sees half a file, and a file that fails validation is refused while
 * the previous snapshot stays live. Quarkus cannot reload its own configuration at run time, so these are data.
 *
 * <p>Source, in order: the configured path if set (it must exist), else {@code defaultFile} under the working
 * directory, else the copy packaged in the jar (the embedded default).
 *
 * @param <T> the validated snapshot
 * @param <E> the parser's refusal, carrying every reason
 */
public final class ReloadableConfig<T, E extends InvalidConfigException> {

    /** Parses and validates the bytes of the file. */
    @FunctionalInterface
    public interface Parser<T, E extends InvalidConfigException> {
        T parse(byte[] bytes, String source, Instant loadedAt) throws E;
    }

    /** Result of a successful reload. */
    public record Reloaded<T>(T current, String previousVersion) {
    }

    private final String what;
    private final Optional<String> configuredPath;
    private final String defaultFile;
    private final String packaged;
    private final Parser<T, E> parser;
    private final Function<String, E> unreadable;
    private final Function<T, String> version;
    private final Clock clock;
    private final Logger log;
    private final AtomicReference<T> live = new AtomicReference<>();
    private volatile String lastError = "not loaded yet";

    /**
     * @param what       what the file is, for logs ("ML thresholds")
     * @param unreadable the refusal to raise when no source can be read (its one reason is given)
     */
    public ReloadableConfig(String what, Optional<String> configuredPath, String defaultFile, String packaged,
                            Parser<T, E> parser, Function<String, E> unreadable, Function<T, String> version,
                            Clock clock, Logger log) {
        this.what = what;
        this.configuredPath = configuredPath.filter(s -> !s.isBlank());
        this.defaultFile = defaultFile;
        this.packaged = packaged;
        this.parser = parser;
        this.unreadable = unreadable;
        this.version = version;
        this.clock = clock;
        this.log = log;
    }

    /** The first load, at start: a failure is logged with its consequence and leaves the component not ready. */
    public ReloadableConfig<T, E> loadAtStart(String consequence) {
        try {
            reload();
        } catch (InvalidConfigException e) {
            log.errorf("%s not loaded, %s: %s", what, consequence, e.getMessage());
        }
        return this;
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<T> current() {
        return Optional.ofNullable(live.get());
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public synchronized Reloaded<T> reload() throws E {
        T previous = live.get();
        T next;
        try {
            Source src = read();
            next = parser.parse(src.bytes(), src.name(), Instant.now(clock));
        } catch (InvalidConfigException e) {
            lastError = "invalid: " + e.getMessage();
            throw rethrow(e);
        }
        live.set(next);
        lastError = null;
        log.infof("%s %s loaded (previous: %s)", what, version.apply(next),
                previous == null ? "none" : version.apply(previous));
        return new Reloaded<>(next, previous == null ? null : version.apply(previous));
    }

    public boolean ready() {
        return live.get() != null;
    }

    /** Version, or why there is none; and whether the last reload was refused. */
    public String detail() {
        T t = live.get();
        if (t == null) {
            return lastError;
        }
        return lastError == null ? version.apply(t) : version.apply(t) + " (last reload refused: " + lastError + ")";
    }

    @SuppressWarnings("unchecked")
    private E rethrow(InvalidConfigException e) {
        return (E) e; // read() and the parser only throw E
    }

    private record Source(String name, byte[] bytes) {
    }

    private Source read() throws E {
        try {
            if (configuredPath.isPresent()) {
                Path p = Path.of(configuredPath.get());
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            Path p = Path.of(defaultFile);
            if (Files.isRegularFile(p)) {
                return new Source(p.toString(), Files.readAllBytes(p));
            }
            try (InputStream in = ReloadableConfig.class.getResourceAsStream(packaged)) {
                if (in == null) {
                    throw new IOException("no packaged default");
                }
                return new Source("classpath:" + packaged, in.readAllBytes());
            }
        } catch (IOException e) {
            throw unreadable.apply("cannot read " + what + " source " + configuredPath.orElse(defaultFile) + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
