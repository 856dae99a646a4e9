package io.sepsis.guardrail.config;

import io.quarkus.runtime.Startup;
import io.sepsis.ops.config.ReloadableConfig;
import io.sepsis.ops.health.ComponentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The live guardrail configuration: {@code GUARDRAIL_CONFIG_PATH} (property {@code guardrail.config.path}) if set
 * (must exist), else {@code config/guardrails/sepsis-guardrail.json} under the working directory, else the copy
 * packaged in the jar; hot-reloaded, swapped whole, an invalid file refused with every reason and the old
 * configuration kept (see {@link ReloadableConfig}).
 */
@ApplicationScoped
@Startup
public class GuardrailStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/guardrails/sepsis-guardrail.json";
    static final String PACKAGED = "/defaults/guardrails/sepsis-guardrail.json";

    private final ReloadableConfig<GuardrailConfig, InvalidGuardrailConfigException> file;

    @Inject
    public GuardrailStore(@ConfigProperty(name = "guardrail.config.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    GuardrailStore(Optional<String> configuredPath, Clock clock) {
        file = new ReloadableConfig<>("guardrail configuration", configuredPath, DEFAULT_FILE, PACKAGED,
                GuardrailConfigParser::parse, reason -> new InvalidGuardrailConfigException(List.of("file: " + reason)),
                GuardrailConfig::version, clock, Logger.getLogger(GuardrailStore.class))
                .loadAtStart("the GenAI pathway has no guardrail until a valid file is reloaded");
    }

    /** The live configuration, or empty until a valid one has been loaded. */
    public Optional<GuardrailConfig> current() {
        return file.current();
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public ReloadableConfig.Reloaded<GuardrailConfig> reload() throws InvalidGuardrailConfigException {
        return file.reload();
    }

    @Override
    public String component() {
        return "guardrail_config";
    }

    @Override
    public boolean ready() {
        return file.ready();
    }

    @Override
    public String detail() {
        return file.detail();
    }
}
