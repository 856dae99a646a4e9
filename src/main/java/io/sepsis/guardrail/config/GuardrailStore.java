package io.sepsis.guardrail.config;

import io.quarkus.runtime.Startup;
import io.sepsis.ops.config.ConfigSource;
import io.sepsis.ops.config.ConfigSources;
import io.sepsis.ops.config.ConfigStore;
import io.sepsis.ops.config.LocalConfigSource;
import io.sepsis.ops.config.ReloadableConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The live guardrail configuration: {@code GUARDRAIL_CONFIG_S3_URI} if set (an S3 object shared by every instance,
 * polled), else {@code GUARDRAIL_CONFIG_PATH} (property {@code guardrail.config.path}) if set (must exist), else
 * {@code config/guardrails/sepsis-guardrail.json} under the working directory, else the copy packaged in the jar;
 * hot-reloaded, swapped whole, an invalid source refused with every reason and the old configuration kept
 * (see {@link ReloadableConfig}).
 */
@Singleton
@Startup
public class GuardrailStore extends ConfigStore<GuardrailConfig, InvalidGuardrailConfigException> {
    static final String DEFAULT_FILE = "config/guardrails/sepsis-guardrail.json";
    static final String PACKAGED = "/defaults/guardrails/sepsis-guardrail.json";

    @Inject
    public GuardrailStore(ConfigSources sources,
                          @ConfigProperty(name = "guardrail.config.s3-uri") Optional<String> s3Uri,
                          @ConfigProperty(name = "guardrail.config.path") Optional<String> configuredPath) {
        this(sources.choose("guardrail configuration", s3Uri, configuredPath, DEFAULT_FILE, PACKAGED),
                Clock.systemUTC());
    }

    /** Local files only: the configured path, else the default file, else the packaged copy. */
    public GuardrailStore(Optional<String> configuredPath) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), Clock.systemUTC());
    }

    GuardrailStore(Optional<String> configuredPath, Clock clock) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), clock);
    }

    public GuardrailStore(ConfigSource source, Clock clock) {
        super("guardrail_config", new ReloadableConfig<>("guardrail configuration", source,
                GuardrailConfigParser::parse, reason -> new InvalidGuardrailConfigException(List.of("file: " + reason)),
                GuardrailConfig::version, clock, Logger.getLogger(GuardrailStore.class))
                .loadAtStart("the GenAI pathway has no guardrail until a valid configuration is loaded"));
    }
}
