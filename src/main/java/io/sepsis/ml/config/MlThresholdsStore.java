package io.sepsis.ml.config;

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
 * The live ML thresholds: {@code ML_THRESHOLDS_PATH} if set (must exist), else {@code config/ml-thresholds.json}
 * under the working directory, else the copy packaged in the jar; hot-reloaded, swapped whole, an invalid file
 * refused with the old thresholds kept (see {@link ReloadableConfig}).
 */
@ApplicationScoped
@Startup
public class MlThresholdsStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/ml-thresholds.json";
    static final String PACKAGED = "/defaults/ml-thresholds.json";

    private final ReloadableConfig<MlThresholds, MlThresholdsParser.InvalidThresholdsException> file;

    @Inject
    public MlThresholdsStore(@ConfigProperty(name = "ml.thresholds.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    MlThresholdsStore(Optional<String> configuredPath, Clock clock) {
        file = new ReloadableConfig<>("ML thresholds", configuredPath, DEFAULT_FILE, PACKAGED,
                MlThresholdsParser::parse, reason -> new MlThresholdsParser.InvalidThresholdsException(List.of(reason)),
                MlThresholds::version, clock, Logger.getLogger(MlThresholdsStore.class))
                .loadAtStart("/classify will answer 503 until a valid file is reloaded");
    }

    /** The live snapshot, or empty until a valid one has been loaded. */
    public Optional<MlThresholds> current() {
        return file.current();
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public ReloadableConfig.Reloaded<MlThresholds> reload() throws MlThresholdsParser.InvalidThresholdsException {
        return file.reload();
    }

    @Override
    public String component() {
        return "ml_thresholds";
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
