package io.sepsis.ops.config;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sepsis.ops.health.ComponentStatus;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every instance on the same shared configuration: each {@link ConfigStore} whose source is polled (S3) is
 * asked every {@code CONFIG_POLL_INTERVAL} (default 15 s) whether its object changed, and swaps after validation. A
 * threshold change therefore reaches every running instance within one interval, and a bad object reaches none.
 * Local files are not polled.
 */
@Singleton
public class ConfigPoller {
    private static final Logger LOG = Logger.getLogger(ConfigPoller.class);

    private final List<ConfigStore<?, ?>> polled = new ArrayList<>();
    private final Duration interval;
    private ScheduledExecutorService executor;

    @Inject
    ConfigPoller(@Any Instance<ComponentStatus> components,
                 @ConfigProperty(name = "config.poll-interval") Duration interval) {
        this((Iterable<ComponentStatus>) components, interval);
    }

    /** Polls the stores among {@code components} whose source is shared; call {@link #start()} to begin. */
    public ConfigPoller(Iterable<? extends ComponentStatus> components, Duration interval) {
        this.interval = interval;
        for (ComponentStatus c : components) {
            if (c instanceof ConfigStore<?, ?> store && store.reloadable().source().polled()) {
                polled.add(store);
            }
        }
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (polled.isEmpty() || executor != null) {
            return;
        }
        if (interval.isNegative() || interval.isZero()) {
            LOG.warnf("config.poll-interval %s: shared configuration is not polled; reload it explicitly", interval);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "config-poller");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(this::pollAll, ms, ms, TimeUnit.MILLISECONDS);
        LOG.infof("Polling %s every %s", polled.stream().map(ConfigStore::component).toList(), interval);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** One round over every shared configuration; never throws (a dead poller would freeze the fleet's config). */
    void pollAll() {
        for (ConfigStore<?, ?> store : polled) {
            try {
                store.reloadable().poll();
            } catch (RuntimeException e) {
                LOG.errorf("Polling %s failed unexpectedly (%s); retrying next interval", store.component(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
