package io.sepsis.genai.client;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.sepsis.genai.client.LlmException.Reason;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Classifies whatever LangChain4j, the JDK HTTP client or the AWS SDK threw into an {@link LlmException}. Only the
 * status, a short provider error code and exception class names go into the message: exception messages of these
 * libraries can contain response bodies, which can echo the prompt.
 */
final class LlmErrors {

    private LlmErrors() {
    }

    static LlmException classify(Throwable failure) {
        if (failure instanceof LlmException llm) {
            return llm;
        }
        // 1. An HTTP status anywhere in the chain is the most precise signal.
        for (Throwable t : chain(failure)) {
            if (t instanceof ProviderHttpException p) {
                return fromStatus(p.statusCode(), p.retryAfter(), p.errorCode());
            }
            if (t instanceof SdkServiceException s && s.statusCode() > 0) {
                Duration retryAfter = null;
                String code = null;
                if (s instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                    code = safeCode(aws.awsErrorDetails().errorCode());
                    if (aws.awsErrorDetails().sdkHttpResponse() != null) {
                        var response = aws.awsErrorDetails().sdkHttpResponse();
                        retryAfter = RetryAfter.parse(response::firstMatchingHeader);
                    }
                }
                if (s.isThrottlingException() && s.statusCode() != 429) {
                    return new LlmException(Reason.RATE_LIMITED, s.statusCode(), retryAfter, code);
                }
                return fromStatus(s.statusCode(), retryAfter, code);
            }
            if (t instanceof HttpException h) {
                return fromStatus(h.statusCode(), null, null);
            }
        }
        // 2. Timeouts and connection failures, from any layer. A TLS failure (an untrusted or expired certificate, no
        // common protocol) means the provider cannot be reached safely: nothing was sent, the server did not fail.
        for (Throwable t : chain(failure)) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException || t instanceof SSLException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException || t instanceof UnresolvedModelServerException) {
                return new LlmException(Reason.UNAVAILABLE, t.getClass().getSimpleName());
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof InterruptedException || t instanceof InterruptedIOException) {
                return new LlmException(Reason.TIMEOUT, t.getClass().getSimpleName());
            }
        }
        // 3. LangChain4j's typed exceptions without a status (rare).
        for (Throwable t : chain(failure)) {
            if (t instanceof RateLimitException) {
                return new LlmException(Reason.RATE_LIMITED, t.getClass().getSimpleName());
            }
            if (t instanceof AuthenticationException) {
                return new LlmException(Reason.AUTH, t.getClass().getSimpleName());
            }
            if (t instanceof InvalidRequestException || t instanceof ModelNotFoundException
                    || t instanceof ContentFilteredException) {
                return new LlmException(Reason.BAD_REQUEST, t.getClass().getSimpleName());
            }
            if (t instanceof InternalServerException) {
                return new LlmException(Reason.SERVER_ERROR, t.getClass().getSimpleName());
            }
        }
        // 4. Anything else (an answer the library could not parse, an SDK client error): treat as a server fault.
        return new LlmException(Reason.SERVER_ERROR, "unexpected " + failure.getClass().getSimpleName());
    }

    static LlmException fromStatus(int status, Duration retryAfter, String code) {
        Reason reason;
        if (status == 429) {
            reason = Reason.RATE_LIMITED;
        } else if (status == 408) {
            reason = Reason.TIMEOUT;
        } else if (status == 401 || status == 403) {
            reason = Reason.AUTH;
        } else if (status >= 500) {
            reason = Reason.SERVER_ERROR;
        } else if (status >= 400) {
            reason = Reason.BAD_REQUEST;
        } else {
            reason = Reason.SERVER_ERROR; // 1xx/3xx where a 2xx was due
        }
        return new LlmException(reason, status, retryAfter, code);
    }

    /** A provider error code kept only if it looks like an identifier ({@code content_filter}, {@code ThrottlingException}). */
    static String safeCode(String code) {
        if (code == null || code.length() > 64 || !code.matches("[A-Za-z0-9_.\\-]+")) {
            return null;
        }
        return code;
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
