package io.sepsis.genai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * LangChain4j's HTTP SPI over one shared {@link java.net.http.HttpClient}, for the OpenAI protocol (Azure OpenAI and
 * OpenAI-compatible servers). Two differences from LangChain4j's own JDK client: each request's timeout is the time
 * left on the calling thread's {@link CallDeadline} (not a fixed read timeout), and an error answer raises a
 * {@link ProviderHttpException} keeping Retry-After and the error code but dropping the body.
 */
final class DeadlineHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY_PARSED = 16 * 1024;

    private final java.net.http.HttpClient delegate;
    private final Duration maxRequestTimeout;

    private DeadlineHttpClient(Builder builder) {
        Duration connect = builder.connectTimeout == null ? Duration.ofSeconds(3) : builder.connectTimeout;
        this.delegate = java.net.http.HttpClient.newBuilder()
                // HTTP/1.1: no h2c upgrade dance on plain-HTTP local servers; a handful of keep-alive connections.
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.maxRequestTimeout = builder.readTimeout == null ? Duration.ofSeconds(20) : builder.readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder()
                .uri(URI.create(request.url()))
                .timeout(CallDeadline.remainingOr(maxRequestTimeout));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        jdk.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        java.net.http.HttpResponse<String> response;
        try {
            response = delegate.send(jdk.build(), BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status,
                    RetryAfter.parse(name -> response.headers().firstValue(name)),
                    errorCode(response.body()));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used for clinical assessments");
    }

    /** {@code error.code} of an OpenAI/Azure error body, if it is a plain identifier; nothing else is kept. */
    private static String errorCode(String body) {
        if (body == null || body.isEmpty() || body.length() > MAX_ERROR_BODY_PARSED) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isValueNode() ? LlmErrors.safeCode(code.asText()) : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public DeadlineHttpClient build() {
            return new DeadlineHttpClient(this);
        }
    }
}
