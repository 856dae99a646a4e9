package io.sepsis.genai.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code genai.llm.*}: provider settings and the bounds on every decision. Two more settings sit one level up
 * because the pipeline reads them too: {@code genai.provider} ({@code LLM_PROVIDER}) and {@code genai.deadline};
 * they are injected with {@code @ConfigProperty}, not mapped here, so
 * that this mapping does not claim the whole {@code genai} namespace (a mapping rejects unknown properties under its
 * prefix, and other features own {@code genai.prompt.*} and the like). Environment names operators set are mapped in
 * application.properties. Static: changing provider or endpoint needs a restart (prompts are what hot-reloads);
 * keys rotate without one when they come from a Secrets Manager secret ({@code *_API_KEY_SECRET_ID}, see
 * {@link ApiKeySource}).
 */
@ConfigMapping(prefix = "genai.llm")
public interface LlmConfig {

    /** {@code azure-openai}, {@code bedrock}, {@code openai-compatible} or {@code none} (default). */
    String PROVIDER = "genai.provider";

    /**
     * One total budget per decision (default 8s, at most 20s): first call, at most one retry and at most one
     * corrective re-ask all fit in it.
     */
    String DEADLINE = "genai.deadline";

    /** Sampling temperature; unset it (empty) for models that reject the parameter. */
    Optional<Double> temperature();

    /** Bounded answer size: the contract JSON needs a few hundred tokens. */
    @WithDefault("1024")
    int maxOutputTokens();

    /**
     * OpenAI protocol (Azure, OpenAI-compatible): send the output limit as {@code max_completion_tokens}, which
     * reasoning-model deployments require, instead of {@code max_tokens}.
     */
    @WithDefault("false")
    boolean maxCompletionTokensField();

    /** Provider calls in flight at once (the batch endpoint runs patients concurrently). */
    @WithDefault("32")
    int maxConcurrentCalls();

    Retry retry();

    Circuit circuit();

    AzureOpenai azureOpenai();

    Bedrock bedrock();

    Openai openai();

    interface Retry {
        /** Pause before the single retry of a 429/5xx/timeout when the provider sent no Retry-After. */
        @WithDefault("200ms")
        Duration backoff();

        /** A retry or re-ask is only started with at least this much of the deadline left. */
        @WithDefault("250ms")
        Duration minCallBudget();
    }

    interface Circuit {
        /** Consecutive failed decisions (timeout, 429, 5xx, auth, unreachable) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers degraded at once before letting one probe through. */
        @WithDefault("30s")
        Duration openDuration();
    }

    interface AzureOpenai {
        Optional<String> endpoint();

        Optional<String> apiKey();

        Optional<String> deployment();

        @WithDefault("2024-10-21")
        String apiVersion();

        /** {@code response_format: json_object}. */
        @WithDefault("true")
        boolean jsonMode();
    }

    interface Bedrock {
        Optional<String> modelId();

        Optional<String> region();

        /** Only for tests and VPC interface endpoints. */
        Optional<String> endpointOverride();
    }

    interface Openai {
        /** Including the version path, e.g. {@code http://127.0.0.1:11434/v1}. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        Optional<String> model();

        /** {@code response_format: json_object}; turn off for servers that reject it. */
        @WithDefault("true")
        boolean jsonMode();
    }
}
