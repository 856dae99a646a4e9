package io.sepsis.genai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmException;
import io.sepsis.genai.client.LlmException.Reason;
import io.sepsis.genai.client.LlmReply;
import io.sepsis.genai.client.NoneLlmClient;
import io.sepsis.genai.client.UnconfiguredLlmClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision policy with a scripted in-process client: budgets, retry and re-ask rules, never throwing. */
class LlmAssessorTest {

    /** One scripted answer: given the call's timeout, reply or throw. */
    interface Step {
        LlmReply run(Duration timeout) throws LlmException;
    }

    static final class ScriptedClient implements LlmClient {
        final Deque<Step> steps = new ArrayDeque<>();
        final List<Duration> timeouts = new ArrayList<>();
        final List<String> users = new ArrayList<>();

        ScriptedClient then(Step step) {
            steps.add(step);
            return this;
        }

        @Override
        public String provider() {
            return "scripted";
        }

        @Override
        public String model() {
            return "m1";
        }

        @Override
        public LlmReply complete(String system, String user, Duration timeout) throws LlmException {
            timeouts.add(timeout);
            users.add(user);
            Step step = steps.poll();
            if (step == null) {
                throw new AssertionError("unexpected extra call");
            }
            return step.run(timeout);
        }
    }

    static Step answer(String text) {
        return t -> new LlmReply(text, 100, 50, 1);
    }

    static Step fail(Reason reason) {
        return t -> {
            throw new LlmException(reason, "scripted");
        };
    }

    static Step slowAnswer(long ms, String text) {
        return t -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new LlmReply(text, 1, 1, ms);
        };
    }

    static LlmAssessor assessor(LlmClient client, Duration deadline) {
        return new LlmAssessor(client, new LlmAssessor.Settings(deadline, Duration.ofMillis(10), Duration.ofMillis(100)),
                new CircuitBreaker(5, Duration.ofSeconds(30)), new LlmOutputValidator());
    }

    @Test
    void none_provider_degrades_instantly_as_llm_disabled() {
        LlmAssessor a = assessor(new NoneLlmClient(), Duration.ofSeconds(8));
        long start = System.nanoTime();
        var d = assertInstanceOf(LlmOutcome.Degraded.class, a.assess("s", "u"));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(20).toNanos());
        assertEquals("llm_disabled", d.reasonCode());
        assertEquals(0, d.attempts());
        assertEquals("none", d.provider());
        assertEquals("disabled", a.health().status());
        assertEquals(null, a.health().lastFailureAt(), "disabled is not a failure");
    }

    @Test
    void unconfigured_provider_degrades_as_unavailable_and_health_names_what_is_missing() {
        var client = new UnconfiguredLlmClient("azure-openai", "", List.of("AZURE_OPENAI_ENDPOINT is not set"));
        LlmAssessor a = assessor(client, Duration.ofSeconds(8));
        assertEquals("unavailable", ((LlmOutcome.Degraded) a.assess("s", "u")).reasonCode());
        assertEquals("degraded", a.health().status());
        assertEquals(List.of("AZURE_OPENAI_ENDPOINT is not set"), a.health().configProblems());
    }

    @Test
    void each_call_gets_the_time_left_of_one_decision_deadline() {
        ScriptedClient c = new ScriptedClient()
                .then(slowAnswer(300, LlmAnswers.PROSE))
                .then(answer(LlmAnswers.VALID));
        var s = assertInstanceOf(LlmOutcome.Success.class, assessor(c, Duration.ofSeconds(2)).assess("s", "u"));
        assertTrue(s.reasked());
        assertEquals(Duration.ofSeconds(2).toMillis(), c.timeouts.get(0).toMillis(), 5);
        long second = c.timeouts.get(1).toMillis();
        assertTrue(second <= 1_700 && second >= 1_600, "second call got " + second + " ms");
    }

    @Test
    void retry_and_reask_are_separate_single_budgets() {
        ScriptedClient c = new ScriptedClient()
                .then(fail(Reason.RATE_LIMITED))
                .then(answer(LlmAnswers.OUT_OF_RANGE))
                .then(fail(Reason.SERVER_ERROR));
        var d = assertInstanceOf(LlmOutcome.Degraded.class, assessor(c, Duration.ofSeconds(2)).assess("s", "u"));
        assertEquals("server_error", d.reasonCode(), "retry already spent on the 429");
        assertEquals(3, d.attempts());

        ScriptedClient c2 = new ScriptedClient()
                .then(answer(LlmAnswers.PROSE))
                .then(fail(Reason.SERVER_ERROR))
                .then(answer(LlmAnswers.VALID));
        var s = assertInstanceOf(LlmOutcome.Success.class, assessor(c2, Duration.ofSeconds(2)).assess("s", "u"));
        assertEquals(3, s.attempts());
        assertEquals(c2.users.get(1), c2.users.get(2), "the retry repeats the re-ask");
    }

    @Test
    void auth_and_bad_request_are_not_retried() {
        var auth = assessor(new ScriptedClient().then(fail(Reason.AUTH)), Duration.ofSeconds(2)).assess("s", "u");
        assertEquals("auth_error", ((LlmOutcome.Degraded) auth).reasonCode());
        var bad = assessor(new ScriptedClient().then(fail(Reason.BAD_REQUEST)), Duration.ofSeconds(2)).assess("s", "u");
        assertEquals("unavailable", ((LlmOutcome.Degraded) bad).reasonCode());
        assertEquals(1, bad.attempts());
    }

    @Test
    void no_reask_when_too_little_of_the_deadline_is_left() {
        ScriptedClient c = new ScriptedClient().then(slowAnswer(450, LlmAnswers.PROSE));
        long start = System.nanoTime();
        var d = assertInstanceOf(LlmOutcome.Degraded.class, assessor(c, Duration.ofMillis(500)).assess("s", "u"));
        assertEquals("invalid_output", d.reasonCode());
        assertEquals(1, d.attempts());
        assertTrue(System.nanoTime() - start < Duration.ofMillis(520).toNanos());
    }

    @Test
    void a_client_bug_never_reaches_the_caller() {
        ScriptedClient c = new ScriptedClient().then(t -> {
            throw new IllegalStateException("boom with patient text");
        });
        var d = assertInstanceOf(LlmOutcome.Degraded.class, assessor(c, Duration.ofSeconds(2)).assess("s", "u"));
        assertEquals("unavailable", d.reasonCode());
        assertEquals(1, d.attempts());
    }

    @Test
    void invalid_output_does_not_count_against_the_provider() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30));
        ScriptedClient c = new ScriptedClient();
        for (int i = 0; i < 6; i++) {
            c.then(answer(LlmAnswers.PROSE));
        }
        LlmAssessor a = new LlmAssessor(c, new LlmAssessor.Settings(Duration.ofSeconds(2), Duration.ofMillis(10),
                Duration.ofMillis(100)), breaker, new LlmOutputValidator());
        for (int i = 0; i < 3; i++) {
            assertEquals("invalid_output", ((LlmOutcome.Degraded) a.assess("s", "u")).reasonCode());
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals(3, a.health().counters().reasks());
        assertEquals(3, a.health().counters().degradedByReason().get("invalid_output"));
        assertEquals("available", a.health().status());
    }

    @Test
    void corrective_suffix_lists_problems_and_caps_them() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("field" + i + ": bad");
        }
        String suffix = LlmAssessor.correctiveSuffix(many);
        assertTrue(suffix.contains("- field11: bad"));
        assertFalse(suffix.contains("field12"));
        assertTrue(suffix.contains("and 8 more"));
        assertTrue(suffix.contains("ONLY the JSON object"));
    }
}
