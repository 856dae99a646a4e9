package io.sepsis.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sepsis.ops.config.ConfigStore;
import io.sepsis.ops.config.ReloadableConfig;
import io.sepsis.ops.health.ComponentStatus;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Configuration state as meters, so a dashboard shows at once whether every instance runs the same thresholds:
 * {@code sepsis_config_info{component,version}} = 1 for the live version of each configuration, and counters
 * {@code sepsis_config_reloads_total{component,outcome=swapped|refused}} and
 * {@code sepsis_config_source_errors_total{component}}.
 */
@Singleton
public class ConfigMetrics implements MeterBinder {
    private final List<ConfigStore<?, ?>> stores = new ArrayList<>();
    private MultiGauge info;

    ConfigMetrics(@Any Instance<ComponentStatus> components) {
        for (ComponentStatus c : components) {
            if (c instanceof ConfigStore<?, ?> store) {
                stores.add(store);
            }
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        info = MultiGauge.builder("sepsis.config.info")
                .description("1 for the live version of each reloadable configuration").register(registry);
        for (ConfigStore<?, ?> store : stores) {
            ReloadableConfig<?, ?> config = store.reloadable();
            reloads(registry, store, "swapped", c -> c.counts().swapped());
            reloads(registry, store, "refused", c -> c.counts().refused());
            FunctionCounter.builder("sepsis.config.source.errors", config, c -> c.counts().sourceErrors())
                    .description("Reads of a configuration source that failed (unreachable, missing, too large)")
                    .tag("component", store.component()).register(registry);
            config.onSwap(snapshot -> refreshInfo());
        }
        refreshInfo();
    }

    private static void reloads(MeterRegistry registry, ConfigStore<?, ?> store, String outcome,
                                ToDoubleFunction<ReloadableConfig<?, ?>> f) {
        FunctionCounter.builder("sepsis.config.reloads", store.reloadable(), f)
                .description("Configuration reloads (explicit or polled) by outcome")
                .tags("component", store.component(), "outcome", outcome).register(registry);
    }

    private synchronized void refreshInfo() {
        if (info == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ConfigStore<?, ?> store : stores) {
            store.version().ifPresent(v -> rows.add(
                    MultiGauge.Row.of(Tags.of("component", store.component(), "version", v), 1)));
        }
        info.register(rows, true);
    }
}
