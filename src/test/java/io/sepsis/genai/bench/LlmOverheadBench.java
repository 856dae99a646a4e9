package io.sepsis.genai.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.sepsis.genai.client.AzureOpenAiLlmClient;
import io.sepsis.genai.client.BedrockLlmClient;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmSettings;
import io.sepsis.genai.client.OpenAiCompatibleLlmClient;
import io.sepsis.genai.llm.CircuitBreaker;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmOutputValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What our LLM stack adds to a call, against a local fake answering at once: {@code LlmAssessor.assess} (LangChain4j
 * request building, the bounded call hop, SigV4 for Bedrock, response parsing, validation) versus a bare JDK
 * HttpClient POST of a same-size body to the same fake, read and parsed with Jackson. Not a test; run with
 * {@code java -cp target/test-classes:target/classes:<deps> io.sepsis.genai.bench.LlmOverheadBench}.
 */
public final class LlmOverheadBench {

    public static void main(String[] args) throws Exception {
        int warmup = 500;
        int n = 2_000;
        ObjectMapper json = new ObjectMapper();
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal());
        wm.start();
        String openAiBody = LlmAnswers.openAiCompletion("m", LlmAnswers.VALID, 800, 200);
        String bedrockBody = json.writeValueAsString(Map.of("output", Map.of("message", Map.of("role", "assistant",
                "content", List.of(Map.of("text", LlmAnswers.VALID)))), "stopReason", "end_turn",
                "usage", Map.of("inputTokens", 800, "outputTokens", 200, "totalTokens", 1000)));
        wm.stubFor(post(urlPathMatching("/(v1|openai/deployments/d)/chat/completions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(openAiBody)));
        wm.stubFor(post(urlPathMatching("/model/.*/converse"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(bedrockBody)));
        wm.stubFor(post(urlPathMatching("/raw"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(openAiBody)));
        String base = "http://127.0.0.1:" + wm.port();
        var gen = LlmSettings.Generation.defaults(Duration.ofSeconds(8));
        String system = "You are a sepsis early-warning assistant. Answer with the JSON object only. ".repeat(20);
        String user = "Patient data: HR 118, SBP 88, Temp 38.9, Lactate 3.2, WBC 18.5. Notes: lethargic. ".repeat(20);

        HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String rawRequest = json.writeValueAsString(Map.of("model", "m", "messages", List.of(
                Map.of("role", "system", "content", system), Map.of("role", "user", "content", user))));
        Runnable rawCall = () -> {
            try {
                HttpResponse<String> r = raw.send(HttpRequest.newBuilder(URI.create(base + "/raw"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(rawRequest)).build(), HttpResponse.BodyHandlers.ofString());
                json.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        LlmOutputValidator validator = new LlmOutputValidator();
        report("validator only", time(warmup, n, () -> validator.validate(LlmAnswers.VALID)));
        report("raw JDK POST + parse (baseline)", time(warmup, n, rawCall));

        List<LlmClient> clients = List.of(
                new OpenAiCompatibleLlmClient(new LlmSettings.OpenAi(base + "/v1", "k", "m", true), gen),
                new AzureOpenAiLlmClient(new LlmSettings.Azure(base, "k", "d", "2024-10-21", true), gen),
                new BedrockLlmClient(new LlmSettings.Bedrock("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", base),
                        gen, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))));
        for (LlmClient client : clients) {
            LlmAssessor assessor = new LlmAssessor(client, new LlmAssessor.Settings(Duration.ofSeconds(8),
                    Duration.ofMillis(200), Duration.ofMillis(250)), new CircuitBreaker(5, Duration.ofSeconds(30)), validator);
            report("assess() via " + client.provider(), time(warmup, n, () -> {
                if (!assessor.assess(system, user).isSuccess()) {
                    throw new IllegalStateException("not a success");
                }
            }));
            report("raw JDK POST + parse (again)", time(warmup / 5, n / 2, rawCall));
            client.close();
        }
        wm.stop();
    }

    private static long[] time(int warmup, int n, Runnable r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t;
    }

    private static void report(String name, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        System.out.printf("%-36s mean %8.1f µs  p50 %8.1f µs  p99 %8.1f µs%n", name, mean,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0);
    }
}
