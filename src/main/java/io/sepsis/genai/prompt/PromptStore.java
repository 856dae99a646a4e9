package io.sepsis.genai.prompt;

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
 * The live prompt: {@code PROMPT_S3_URI} if set (an S3 object shared by every instance, polled), else
 * {@code PROMPT_PATH} (property {@code genai.prompt.path}) if set (must exist), else
 * {@code config/prompts/sepsis-assessment.json} under the working directory, else the copy packaged in the jar;
 * versioned, hot-reloaded, swapped whole, an invalid source refused with the old prompt kept
 * (see {@link ReloadableConfig}).
 */
@Singleton
@Startup
public class PromptStore extends ConfigStore<PromptTemplate, PromptTemplate.InvalidPromptException> {
    static final String DEFAULT_FILE = "config/prompts/sepsis-assessment.json";
    static final String PACKAGED = "/defaults/prompts/sepsis-assessment.json";

    @Inject
    public PromptStore(ConfigSources sources, @ConfigProperty(name = "genai.prompt.s3-uri") Optional<String> s3Uri,
                       @ConfigProperty(name = "genai.prompt.path") Optional<String> configuredPath) {
        this(sources.choose("prompt", s3Uri, configuredPath, DEFAULT_FILE, PACKAGED), Clock.systemUTC());
    }

    /** Local files only: the configured path, else the default file, else the packaged copy. */
    public PromptStore(Optional<String> configuredPath) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), Clock.systemUTC());
    }

    PromptStore(Optional<String> configuredPath, Clock clock) {
        this(new LocalConfigSource(configuredPath, DEFAULT_FILE, PACKAGED), clock);
    }

    public PromptStore(ConfigSource source, Clock clock) {
        super("prompt", new ReloadableConfig<>("prompt", source, PromptTemplate::parse,
                reason -> new PromptTemplate.InvalidPromptException(List.of(reason)), PromptTemplate::version, clock,
                Logger.getLogger(PromptStore.class))
                .loadAtStart("the GenAI pathway cannot call the LLM until a valid prompt is loaded"));
    }
}
