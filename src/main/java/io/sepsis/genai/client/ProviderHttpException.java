package io.sepsis.genai.client;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A non-2xx answer from an OpenAI-protocol endpoint, as raised by {@link DeadlineHttpClient}. Unlike LangChain4j's
 * own {@link HttpException} it keeps Retry-After and the provider's short error code, and it does not carry the
 * response body (which may echo the prompt).
 */
final class ProviderHttpException extends HttpException {

    private final Duration retryAfter;
    private final String errorCode;

    ProviderHttpException(int statusCode, Duration retryAfter, String errorCode) {
        super(statusCode, "HTTP " + statusCode + (errorCode == null ? "" : " " + errorCode));
        this.retryAfter = retryAfter;
        this.errorCode = errorCode;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    String errorCode() {
        return errorCode;
    }
}
