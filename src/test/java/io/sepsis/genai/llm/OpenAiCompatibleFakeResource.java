package io.sepsis.genai.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local OpenAI-compatible server answering the contract JSON, and the config that selects it. */
public class OpenAiCompatibleFakeResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer wm;

    @Override
    public Map<String, String> start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            String body = LlmAnswers.openAiCompletion("fake-model", LlmAnswers.VALID, 321, 123);
            wm.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "genai.provider", "openai-compatible",
                "genai.llm.openai.base-url", "http://127.0.0.1:" + wm.port() + "/v1",
                "genai.llm.openai.model", "fake-model",
                "genai.deadline", "3s",
                // Other genai.* settings (the prompt's) live beside this mapping's without tripping it.
                "genai.prompt.path", "target/no-such-prompt-dir");
    }

    @Override
    public void stop() {
        if (wm != null) {
            wm.stop();
        }
    }
}
