package io.sepsis.genai.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Builds the client named by {@code LLM_PROVIDER}, or an {@link UnconfiguredLlmClient} saying what is missing. */
public final class LlmClients {

    private static final Logger LOG = Logger.getLogger(LlmClients.class);

    public static final List<String> PROVIDERS = List.of(
            AzureOpenAiLlmClient.PROVIDER, BedrockLlmClient.PROVIDER, OpenAiCompatibleLlmClient.PROVIDER,
            NoneLlmClient.PROVIDER);

    private LlmClients() {
    }

    public static LlmClient create(LlmSettings settings) {
        return create(settings, ApiKeySource.fixed(settings.azure().apiKey()),
                ApiKeySource.fixed(settings.openAi().apiKey()));
    }

    /**
     * With the API keys read at each call from {@code azureKey} / {@code openAiKey} (rotating when they come from a
     * refreshed secret: then a key not loaded yet is not a configuration error).
     */
    public static LlmClient create(LlmSettings settings, ApiKeySource azureKey, ApiKeySource openAiKey) {
        String provider = settings.provider() == null ? NoneLlmClient.PROVIDER
                : settings.provider().strip().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        LlmClient client = switch (provider) {
            case "", NoneLlmClient.PROVIDER -> new NoneLlmClient();
            case AzureOpenAiLlmClient.PROVIDER -> {
                LlmSettings.Azure a = settings.azure();
                require(a.endpoint(), "AZURE_OPENAI_ENDPOINT", problems);
                if (!azureKey.rotating()) {
                    require(azureKey.get(), "AZURE_OPENAI_API_KEY", problems);
                }
                require(a.deployment(), "AZURE_OPENAI_DEPLOYMENT_NAME", problems);
                require(a.apiVersion(), "AZURE_OPENAI_API_VERSION", problems);
                if (!isBlank(a.endpoint())) {
                    checkUrl(a.endpoint(), "AZURE_OPENAI_ENDPOINT", true, problems);
                }
                yield problems.isEmpty() ? new AzureOpenAiLlmClient(a, settings.generation(), azureKey)
                        : new UnconfiguredLlmClient(provider, a.deployment(), problems);
            }
            case BedrockLlmClient.PROVIDER -> {
                LlmSettings.Bedrock b = settings.bedrock();
                require(b.modelId(), "BEDROCK_MODEL_ID", problems);
                require(b.region(), "AWS_REGION", problems);
                if (!isBlank(b.endpointOverride())) {
                    checkUrl(b.endpointOverride(), "genai.llm.bedrock.endpoint-override", false, problems);
                }
                yield problems.isEmpty() ? new BedrockLlmClient(b, settings.generation())
                        : new UnconfiguredLlmClient(provider, b.modelId(), problems);
            }
            case OpenAiCompatibleLlmClient.PROVIDER -> {
                LlmSettings.OpenAi o = settings.openAi();
                require(o.baseUrl(), "OPENAI_BASE_URL", problems);
                require(o.model(), "OPENAI_MODEL", problems);
                if (!isBlank(o.baseUrl())) {
                    // key-less local servers may use plain HTTP; once a key is set it travels with every request
                    boolean keyInHeader = openAiKey.rotating() || !isBlank(openAiKey.get());
                    checkUrl(o.baseUrl(), "OPENAI_BASE_URL", keyInHeader, problems);
                }
                yield problems.isEmpty() ? new OpenAiCompatibleLlmClient(o, settings.generation(), openAiKey)
                        : new UnconfiguredLlmClient(provider, o.model(), problems);
            }
            default -> {
                problems.add("LLM_PROVIDER must be one of " + String.join(", ", PROVIDERS));
                yield new UnconfiguredLlmClient(provider, "", problems);
            }
        };
        if (client instanceof UnconfiguredLlmClient u) {
            LOG.errorf("LLM provider '%s' is not usable, the GenAI pathway will answer degraded: %s",
                    u.provider(), String.join("; ", u.problems()));
        } else {
            LOG.infof("LLM provider: %s, model: %s", client.provider(),
                    client.model().isEmpty() ? "-" : client.model());
        }
        return client;
    }

    private static void require(String value, String name, List<String> problems) {
        if (isBlank(value)) {
            problems.add(name + " is not set");
        }
    }

    /** A key travels with every request: plain HTTP only to this machine (local fakes, a sidecar). */
    private static void checkUrl(String value, String name, boolean keyInHeader, List<String> problems) {
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problems.add(name + " must be an http(s) URL");
            } else if (keyInHeader && scheme.equals("http") && !isLoopback(uri.getHost())) {
                problems.add(name + " must use https (the API key is sent with every request)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not a valid URL");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
