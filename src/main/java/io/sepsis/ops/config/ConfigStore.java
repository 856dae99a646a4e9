package io.sepsis.ops.config;

import io.sepsis.ops.health.ComponentStatus;

import java.util.Optional;

/**
 * A live configuration the service needs before it can answer (ML thresholds, guardrail, prompt): its
 * {@link ReloadableConfig}, reported in {@code /health} under {@link #component()} and polled by
 * {@link ConfigPoller} when its source is shared (S3).
 */
public abstract class ConfigStore<T, E extends InvalidConfigException> implements ComponentStatus {
    private final String component;
    private final ReloadableConfig<T, E> config;

    protected ConfigStore(String component, ReloadableConfig<T, E> config) {
        this.component = component;
        this.config = config;
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<T> current() {
        return config.current();
    }

    /** Reads and validates the source now; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public ReloadableConfig.Reloaded<T> reload() throws E {
        return config.reload();
    }

    /** Version of the live snapshot, or empty until one has been loaded. */
    public Optional<String> version() {
        return config.version();
    }

    public ReloadableConfig<T, E> reloadable() {
        return config;
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public boolean ready() {
        return config.ready();
    }

    @Override
    public String detail() {
        return config.detail();
    }
}
