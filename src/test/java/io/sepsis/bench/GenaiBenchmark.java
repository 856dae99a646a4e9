package io.sepsis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sepsis.genai.client.LlmClient;
import io.sepsis.genai.client.LlmReply;
import io.sepsis.genai.llm.LlmAnswers;
import io.sepsis.genai.llm.CircuitBreaker;
import io.sepsis.genai.llm.LlmAssessor;
import io.sepsis.genai.llm.LlmOutputValidator;
import io.sepsis.genai.prompt.PromptStore;
import io.sepsis.genai.redaction.PatientIdHasher;
import io.sepsis.genai.service.DecisionAudit;
import io.sepsis.genai.service.GenaiPipeline;
import io.sepsis.guardrail.config.GuardrailStore;
import io.sepsis.ml.config.MlThresholdsStore;
import io.sepsis.ml.service.MlService;
import io.sepsis.ml.service.ModelHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Everything the GenAI pathway does except the LLM call, per patient: parse + validate, guardrail assess (60 rules,
 * criteria, history, notes matching with negation), clinical scores, ML baseline, PHI redaction, injection scan,
 * narrative + prompt rendering, validation of the model's JSON answer, decision, audit record. The provider is
 * an in-process client that returns a valid answer at once: everything is measured except the network call.
 * SampleTime mode reports p50/p99. Run: see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class GenaiBenchmark {
    static final String PATIENT = """
            {"patient_id": "TEST001",
             "vitals": {"HR": [118, 104, 96], "SBP": 88, "DBP": 52, "Temp": 38.9, "Lactate": 3.2, "WBC": 18.5,
                        "Resp": [{"val": 24, "ts": "2026-11-23T10:00:00Z"}, {"val": 20, "ts": "2026-11-23T08:00:00Z"}],
                        "Platelets": 140, "Creatinine": 1.9, "GCS": 14, "O2Sat": 93},
             "notes": "Mr. John Smith (MRN 48213377) seen at 14:00. Patient appears lethargic, new confusion since this morning, skin mottled over knees, cap refill 4 seconds. No rash. Denies dyspnea. Urine output 15 mL/hr despite fluid bolus with minimal response. Call wife at (617) 555-0142.",
             "patient_history": {"conditions": ["chronic hypertension", "type 2 diabetes"], "medications": ["metoprolol", "acetaminophen"]}}""";

    GenaiPipeline pipeline;
    GenaiPipeline.Snapshot snapshot;
    JsonNode body;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Logger.getLogger("audit.genai").setLevel(java.util.logging.Level.OFF); // measure the work, not the console
        LlmClient instant = new LlmClient() {
            @Override
            public String provider() {
                return "in-process";
            }

            @Override
            public String model() {
                return "instant";
            }

            @Override
            public LlmReply complete(String system, String user, Duration timeout) {
                return new LlmReply(LlmAnswers.valid(42), 900, 150, 0);
            }

            @Override
            public void close() {
            }
        };
        LlmAssessor none = new LlmAssessor(instant, new LlmAssessor.Settings(Duration.ofSeconds(8),
                Duration.ofMillis(200), Duration.ofMillis(250)), new CircuitBreaker(5, Duration.ofSeconds(30)),
                new LlmOutputValidator());
        pipeline = new GenaiPipeline(new GuardrailStore(Optional.empty()), new PromptStore(Optional.empty()), none,
                new MlService(new ModelHolder(), new MlThresholdsStore(Optional.empty())),
                new PatientIdHasher(Optional.of("bench-key")), new DecisionAudit(), false, 25, 79);
        snapshot = pipeline.snapshot();
        body = new ObjectMapper().readTree(PATIENT);
    }

    @Benchmark
    public Object genaiDecisionWithoutLlmCall() {
        return pipeline.classify(body, snapshot, "bench", "");
    }
}
