package io.sepsis.ml.config;

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
 * The live ML thresholds: {@code ML_THRESHOLDS_S3_URI} if set (an S3 object shared by every instance, polled), else
 * {@code ML_THRESHOLDS_PATH} if set (must exist), else {@code config/ml-thresholds.json} under the working directory,
 * else the copy packaged in the jar; hot-reloaded, swapped whole, an invalid source refused with the old thresholds
 * kept (see {@link ReloadableConfig}).
 */
@Singleton
@Startup
public class MlThresholdsStore extends ConfigStore<MlThresholds, MlThresholdsParser.InvalidThresholdsException> {
    static final String DEFAULT_FILE = "config/ml-thresholds.json";
    static final String PACKAGED = "/defaults/ml-thresholds.json";

    @Inject
    public MlThresholdsStore(ConfigSources sources,
                             @ConfigProperty(name = "ml.thresholds.s3-uri") Optional<String> s3Uri,
                             @ConfigProperty(name = "ml.thresholds.path") Optional<String> configuredPath) {
        this(sources.choose("ML thresholds", s3Uri, configuredPath, DEFAULT_FILE, PACKAGED), Clock.systemUTC());
    }

    /** Local files only: the configured path, else the default file, else the packaged copy. */
    public MlThresholdsStore(Optional<String> configuredPath) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), Clock.systemUTC());
    }

    MlThresholdsStore(Optional<String> configuredPath, Clock clock) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), clock);
    }

    public MlThresholdsStore(ConfigSource source, Clock clock) {
        super("ml_thresholds", new ReloadableConfig<>("ML thresholds", source, MlThresholdsParser::parse,
                reason -> new MlThresholdsParser.InvalidThresholdsException(List.of(reason)),
                MlThresholds::version, clock, Logger.getLogger(MlThresholdsStore.class))
                .loadAtStart("/classify will answer 503 until valid thresholds are loaded"));
    }
}
