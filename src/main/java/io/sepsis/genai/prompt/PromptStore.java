package io.sepsis.genai.prompt;

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
 * The live prompt: {@code PROMPT_PATH} (property {@code genai.prompt.path}) if set (must exist), else
 * {@code config/prompts/sepsis-assessment.json} under the working directory, else the copy packaged in the jar;
 * versioned, hot-reloaded, swapped whole, an invalid file refused with the old prompt kept
 * (see {@link ReloadableConfig}).
 */
@ApplicationScoped
@Startup
public class PromptStore implements ComponentStatus {
    static final String DEFAULT_FILE = "config/prompts/sepsis-assessment.json";
    static final String PACKAGED = "/defaults/prompts/sepsis-assessment.json";

    private final ReloadableConfig<PromptTemplate, PromptTemplate.InvalidPromptException> file;

    @Inject
    public PromptStore(@ConfigProperty(name = "genai.prompt.path") Optional<String> configuredPath) {
        this(configuredPath, Clock.systemUTC());
    }

    PromptStore(Optional<String> configuredPath, Clock clock) {
        file = new ReloadableConfig<>("prompt", configuredPath, DEFAULT_FILE, PACKAGED, PromptTemplate::parse,
                reason -> new PromptTemplate.InvalidPromptException(List.of(reason)), PromptTemplate::version, clock,
                Logger.getLogger(PromptStore.class))
                .loadAtStart("the GenAI pathway cannot call the LLM until a valid file is reloaded");
    }

    /** The live template, or empty until a valid one has been loaded. */
    public Optional<PromptTemplate> current() {
        return file.current();
    }

    /** Reads and validates the source; swaps only if valid, else keeps the old snapshot and throws the reasons. */
    public ReloadableConfig.Reloaded<PromptTemplate> reload() throws PromptTemplate.InvalidPromptException {
        return file.reload();
    }

    @Override
    public String component() {
        return "prompt";
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
