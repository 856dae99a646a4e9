package io.sepsis.security.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Keeps the last good value of a few secrets: read at start ({@link #refreshNow()}) and again every interval on one
 * daemon thread ({@link #start(Duration)}). The rules, the same for every secret:
 * <ul>
 * <li>a read that fails, or whose value is unusable (say an empty key list), changes nothing: the last good value
 * stays, the failure is counted and logged (by error code, never the value);</li>
 * <li>a secret never read successfully is retried at least every {@link #RETRY_UNTIL_LOADED}, whatever the
 * interval, so a blip at start does not leave an instance unready for a whole interval;</li>
 * <li>a good read hands the value to the secret's consumer (idempotent consumers: it is called on every good read),
 * and logs a new version id when it changed.</li>
 * </ul>
 * Several watches on the same secret id (one JSON secret holding several keys) cost one call per refresh. Plain Java:
 * the CDI wiring is {@link SecretsService}.
 */
public final class SecretRefresher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SecretRefresher.class);

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    /** Below App Runner's 3 x 10 s unhealthy window, so a blip at start is retried before the instance is replaced. */
    public static final Duration RETRY_UNTIL_LOADED = Duration.ofSeconds(10);

    /** Turns a SecretString into the value handed on; throws with a value-free message when unusable. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String secretString) throws SecretFetchException;
    }

    /**
     * One secret's state, swapped whole. Never contains the value.
     *
     * @param loadedAt      last successful read (null: never)
     * @param versionId     Secrets Manager version of the value in use
     * @param lastFailure   why the last failed read failed (null: none since start)
     * @param lastFailureAt when
     */
    public record Status(String name, String secretId, Instant loadedAt, String versionId, Instant lastFailureAt,
                         String lastFailure, long successes, long failures) {
        public boolean loaded() {
            return loadedAt != null;
        }

        /** The last read failed (so {@link #lastFailure()} is current, not history). */
        public boolean failing() {
            return lastFailureAt != null && (loadedAt == null || lastFailureAt.isAfter(loadedAt));
        }
    }

    /** A watched secret: its latest good value and its status. */
    public static final class Watch<T> {
        private final String name;
        private final String secretId;
        private final Reader<T> reader;
        private final Consumer<T> onLoad;
        private volatile T value;
        private volatile Status status;

        private Watch(String name, String secretId, Reader<T> reader, Consumer<T> onLoad) {
            this.name = name;
            this.secretId = secretId;
            this.reader = reader;
            this.onLoad = onLoad;
            this.status = new Status(name, secretId, null, null, null, null, 0, 0);
        }

        /** The last good value, empty until the first successful read. */
        public Optional<T> current() {
            return Optional.ofNullable(value);
        }

        public Status status() {
            return status;
        }

        private boolean apply(SecretSource.SecretValue fetched, SecretFetchException fetchFailure, Instant now) {
            Status s = status;
            T read;
            SecretFetchException failure = fetchFailure;
            String versionId = fetched == null ? null : fetched.versionId();
            try {
                read = failure == null ? reader.read(fetched.secretString()) : null;
            } catch (SecretFetchException unusable) {
                failure = new SecretFetchException(
                        (versionId == null ? "" : "version " + versionId + " ") + "refused: " + unusable.getMessage());
                read = null;
            }
            if (failure == null) {
                try {
                    onLoad.accept(read);
                } catch (RuntimeException e) {
                    failure = new SecretFetchException("applying it failed (" + e.getClass().getSimpleName() + ")");
                }
            }
            if (failure != null) {
                status = new Status(name, secretId, s.loadedAt(), s.versionId(), now, failure.getMessage(),
                        s.successes(), s.failures() + 1);
                if (s.loaded()) {
                    LOG.warnf("Secret %s (%s) could not be refreshed: %s; keeping version %s read at %s", name,
                            secretId, failure.getMessage(), s.versionId(), s.loadedAt());
                } else {
                    LOG.errorf("Secret %s (%s) could not be read: %s; not loaded yet, retrying", name, secretId,
                            failure.getMessage());
                }
                return false;
            }
            value = read;
            status = new Status(name, secretId, now, versionId, s.lastFailureAt(), s.lastFailure(),
                    s.successes() + 1, s.failures());
            if (!s.loaded()) {
                LOG.infof("Secret %s (%s) loaded, version %s", name, secretId, versionId);
            } else if (versionId != null && !versionId.equals(s.versionId())) {
                LOG.infof("Secret %s (%s) rotated: version %s -> %s", name, secretId, s.versionId(), versionId);
            }
            return true;
        }
    }

    private final SecretSource source;
    private final Clock clock;
    private final List<Watch<?>> watches = new CopyOnWriteArrayList<>(); // read by /health during a refresh
    private ScheduledExecutorService scheduler;
    private Duration interval;

    public SecretRefresher(SecretSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Watches a secret; {@code onLoad} receives each good value (also unchanged ones). Before {@link #start}. */
    public synchronized <T> Watch<T> watch(String name, String secretId, Reader<T> reader, Consumer<T> onLoad) {
        Watch<T> w = new Watch<>(name, secretId, reader, onLoad);
        watches.add(w);
        return w;
    }

    /** Reads every watched secret once (one call per distinct secret id); true when all reads were good. */
    public synchronized boolean refreshNow() {
        Map<String, Object> fetched = new HashMap<>(); // secret id -> SecretValue or SecretFetchException
        boolean allGood = true;
        for (Watch<?> w : watches) {
            Object result = fetched.computeIfAbsent(w.secretId, id -> {
                try {
                    return source.fetch(id);
                } catch (SecretFetchException e) {
                    return e;
                } catch (RuntimeException e) {
                    return new SecretFetchException("read failed (" + e.getClass().getSimpleName() + ")");
                }
            });
            Instant now = clock.instant();
            allGood &= result instanceof SecretSource.SecretValue v
                    ? w.apply(v, null, now)
                    : w.apply(null, (SecretFetchException) result, now);
        }
        return allGood;
    }

    /** Every watched secret has been read successfully at least once. */
    public boolean allLoaded() {
        return statuses().stream().allMatch(Status::loaded);
    }

    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        for (Watch<?> w : watches) {
            out.add(w.status());
        }
        return out;
    }

    /** Re-reads every {@code interval} (at least {@link #MIN_INTERVAL}) on a daemon thread, until {@link #close}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        this.interval = interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            LOG.warnf("SECRETS_REFRESH_INTERVAL %s is below the minimum; using %s", interval, MIN_INTERVAL);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "secrets-refresh");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    /** The delay before the next refresh: the interval, or sooner while a secret has never loaded. */
    Duration nextDelay() {
        return allLoaded() || interval.compareTo(RETRY_UNTIL_LOADED) <= 0 ? interval : RETRY_UNTIL_LOADED;
    }

    private synchronized void scheduleNext() {
        if (scheduler == null || scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                refreshNow();
            } catch (RuntimeException e) {
                LOG.errorf("Secrets refresh failed unexpectedly (%s)", e.getClass().getSimpleName());
            } finally {
                scheduleNext();
            }
        }, nextDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        source.close();
    }
}
