package io.sepsis.ops.config;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One hot-reloadable configuration (ML thresholds, guardrail rules, prompt), held as one immutable, validated
 * snapshot and swapped whole: a reader never sees half a file, and a source that fails validation is refused while
 * the previous snapshot stays live. Quarkus cannot reload its own configuration at run time, so these are data.
 *
 * <p>The bytes come from a {@link ConfigSource}: a local file (with the packaged default behind it) or an S3 object
 * shared by every instance. {@link #reload()} always reads; {@link #poll()} reads only when the source's version tag
 * (S3 ETag) differs from the last one seen, accepted or refused, so a refused object is not re-read every interval.
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

    /** What one {@link #poll()} did. */
    public enum PollOutcome { NOT_POLLED, UNCHANGED, SWAPPED, REFUSED, SOURCE_ERROR }

    /**
     * Counts since start, for metrics: snapshots made live, contents refused by validation, and reads of the source
     * that failed (a failed read is not a refused content).
     */
    public record Counts(long swapped, long refused, long sourceErrors) {
    }

    private final String what;
    private final ConfigSource source;
    private final Parser<T, E> parser;
    private final Function<String, E> unreadable;
    private final Function<T, String> version;
    private final Clock clock;
    private final Logger log;
    private final AtomicReference<T> live = new AtomicReference<>();
    private final List<Consumer<T>> swapListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong swapped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong sourceErrors = new AtomicLong();
    private volatile String lastError = "not loaded yet";
    /** Version tag of the last content read, whether accepted or refused. */
    private volatile String lastSeenTag;
    private volatile String lastLoggedSourceError;

    /**
     * @param what       what the file is, for logs ("ML thresholds")
     * @param unreadable the refusal to raise when the source cannot be read (its one reason is given)
     */
    public ReloadableConfig(String what, ConfigSource source, Parser<T, E> parser, Function<String, E> unreadable,
                            Function<T, String> version, Clock clock, Logger log) {
        this.what = what;
        this.source = source;
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
            log.errorf("%s not loaded from %s, %s: %s", what, source.location(), consequence, e.getMessage());
        }
        return this;
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<T> current() {
        return Optional.ofNullable(live.get());
    }

    /** Version of the live snapshot, or empty until one has been loaded. */
    public Optional<String> version() {
        return current().map(version);
    }

    public ConfigSource source() {
        return source;
    }

    /** Called with each snapshot made live from now on (metrics); must be quick and must not throw. */
    public void onSwap(Consumer<T> listener) {
        swapListeners.add(listener);
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public synchronized Reloaded<T> reload() throws E {
        return swapIn(fetch());
    }

    /** Validates what was read and makes it live; invalid content is refused (counted) and the old snapshot stays. */
    private Reloaded<T> swapIn(ConfigSource.Fetched fetched) throws E {
        T previous = live.get();
        lastSeenTag = fetched.tag();
        T next;
        try {
            next = parser.parse(fetched.bytes(), fetched.name(), Instant.now(clock));
        } catch (InvalidConfigException e) {
            lastError = "invalid: " + e.getMessage();
            refused.incrementAndGet();
            throw rethrow(e);
        }
        live.set(next);
        lastError = null;
        swapped.incrementAndGet();
        log.infof("%s %s loaded from %s (previous: %s)", what, version.apply(next), source.location(),
                previous == null ? "none" : version.apply(previous));
        for (Consumer<T> l : swapListeners) {
            l.accept(next);
        }
        return new Reloaded<>(next, previous == null ? null : version.apply(previous));
    }

    /**
     * One polling step: asks the source for its version tag and reloads only if it differs from the last one read.
     * Never throws: a refused object or an unreachable source is logged (once per distinct reason) and the live
     * snapshot stays.
     */
    public synchronized PollOutcome poll() {
        if (!source.polled()) {
            return PollOutcome.NOT_POLLED;
        }
        Optional<String> tag;
        try {
            tag = source.peekTag();
        } catch (IOException e) {
            sourceErrors.incrementAndGet();
            if (live.get() == null) {
                lastError = "cannot read: " + e.getMessage();
            }
            logSourceError(e.getMessage());
            return PollOutcome.SOURCE_ERROR;
        }
        if (tag.isPresent() && tag.get().equals(lastSeenTag)) {
            readable();
            return PollOutcome.UNCHANGED; // also when that object was refused: nothing new to try
        }
        ConfigSource.Fetched fetched;
        try {
            fetched = fetch();
        } catch (InvalidConfigException e) {
            logSourceError(e.getMessage()); // not the content's fault: the next poll tries again
            return PollOutcome.SOURCE_ERROR;
        }
        readable();
        try {
            swapIn(fetched);
            return PollOutcome.SWAPPED;
        } catch (InvalidConfigException e) {
            log.errorf("%s at %s refused, the live version (%s) stays: %s", what, source.location(),
                    version().orElse("none"), e.getMessage());
            return PollOutcome.REFUSED;
        }
    }

    /** Logged once per distinct reason, so an outage of the shared store is one line per instance, not one a poll. */
    private void logSourceError(String message) {
        if (!Objects.equals(lastLoggedSourceError, message)) {
            lastLoggedSourceError = message;
            log.warnf("%s: %s; the live version (%s) stays", what, message, version().orElse("none"));
        }
    }

    private void readable() {
        if (lastLoggedSourceError != null) {
            log.infof("%s: %s readable again", what, source.location());
            lastLoggedSourceError = null;
        }
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

    public Counts counts() {
        return new Counts(swapped.get(), refused.get(), sourceErrors.get());
    }

    @SuppressWarnings("unchecked")
    private E rethrow(InvalidConfigException e) {
        return (E) e; // the parser only throws E
    }

    /** Reads the source; a failure is counted as a source error and raised as the parser's refusal type. */
    private ConfigSource.Fetched fetch() throws E {
        try {
            return source.fetch();
        } catch (IOException | RuntimeException e) {
            sourceErrors.incrementAndGet();
            E refusal = unreadable.apply("cannot read " + what + " source " + source.location() + " ("
                    + (e instanceof ConfigSource.Unreadable ? e.getMessage() : e.getClass().getSimpleName()) + ")");
            lastError = "invalid: " + refusal.getMessage();
            throw refusal;
        }
    }
}
