package io.sepsis.genai.client;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.sepsis.genai.client.LlmException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The common part of every real provider: one LangChain4j {@link ChatModel}, built once, called on a small pool so
 * the caller gets an answer or a {@code TIMEOUT} within the call's budget whatever the transport does. The budget is
 * also handed down to the transport ({@link CallDeadline}) so an abandoned request is torn down at the same moment
 * instead of lingering on a pool thread. The pool doubles as a bulkhead: at most {@code maxConcurrentCalls} provider
 * calls in flight; waiting for a slot counts against the same budget.
 */
abstract class ChatModelLlmClient implements LlmClient {

    /** System plus user text above this is refused before any network use (a prompt-building bug, not a patient). */
    static final int MAX_PROMPT_CHARS = 200_000;

    private final String provider;
    private final String model;
    private final ChatModel chatModel;
    private final ThreadPoolExecutor pool;

    ChatModelLlmClient(String provider, String model, ChatModel chatModel, int maxConcurrentCalls) {
        this.provider = provider;
        this.model = model;
        this.chatModel = chatModel;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxConcurrentCalls, maxConcurrentCalls, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(Math.max(64, maxConcurrentCalls * 8)), r -> {
                    Thread t = new Thread(r, "llm-" + provider + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final LlmReply complete(String system, String user, Duration timeout) throws LlmException {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new LlmException(Reason.TIMEOUT, "no time left for the call");
        }
        if (user == null || user.isBlank()) {
            throw new LlmException(Reason.BAD_REQUEST, "empty user message");
        }
        if (user.length() + (system == null ? 0 : system.length()) > MAX_PROMPT_CHARS) {
            throw new LlmException(Reason.BAD_REQUEST, "prompt longer than " + MAX_PROMPT_CHARS + " characters");
        }
        checkCallable();
        List<ChatMessage> messages = new ArrayList<>(2);
        if (system != null && !system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(user));
        ChatRequest request = ChatRequest.builder().messages(messages).build();

        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Future<ChatResponse> future;
        try {
            future = pool.submit(() -> {
                CallDeadline.set(deadline);
                try {
                    return chatModel.chat(request);
                } finally {
                    CallDeadline.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new LlmException(Reason.UNAVAILABLE, "LLM call queue full");
        }
        ChatResponse response;
        try {
            response = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new LlmException(Reason.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(Reason.TIMEOUT, "interrupted");
        } catch (ExecutionException e) {
            throw LlmErrors.classify(e.getCause() == null ? e : e.getCause());
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        String text = response.aiMessage() == null ? "" : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        return new LlmReply(text,
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                latencyMs);
    }

    /** Refuses, before any network use, a call that cannot succeed (a rotating API key not loaded yet). */
    void checkCallable() throws LlmException {
    }

    /** Provider calls still running on the pool, abandoned ones included (tests check they are torn down). */
    int activeCalls() {
        return pool.getActiveCount();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider + ", " + model + "]";
    }
}
