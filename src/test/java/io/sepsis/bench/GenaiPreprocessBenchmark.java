package io.sepsis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.clinical.SepticShockCriteria;
import io.sepsis.clinical.score.ClinicalScores;
import io.sepsis.genai.GenaiFixtures;
import io.sepsis.genai.preprocess.GenaiPatient;
import io.sepsis.genai.preprocess.GenaiRequestParser;
import io.sepsis.genai.prompt.AssembledPrompt;
import io.sepsis.genai.prompt.ClinicalNarrative;
import io.sepsis.genai.prompt.InjectionDetector;
import io.sepsis.genai.prompt.PromptAssembler;
import io.sepsis.genai.prompt.PromptTemplate;
import io.sepsis.genai.prompt.RenderedPrompt;
import io.sepsis.genai.redaction.PhiRedactor;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per-patient cost of the GenAI pathway's preparation (everything before the LLM call) on the contract's example
 * patient with trends and a realistic ~800-character note dense with identifiers (GenaiFixtures.NOTE, 19 of them);
 * {@code redactTypical} redacts a typical ~1 KB note with three (GenaiFixtures.TYPICAL_NOTE). Run from the
 * repo root after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main GenaiPreprocessBenchmark}
 * with cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class GenaiPreprocessBenchmark {
    JsonNode body;
    GenaiPatient patient;
    ClinicalScores scores;
    SepticShockCriteria shock;
    PromptTemplate template;
    String narrative;
    String redactedNotes;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        ObjectNode b = (ObjectNode) GenaiFixtures.json(GenaiFixtures.BODY);
        b.put("notes", GenaiFixtures.NOTE);
        body = b;
        patient = GenaiRequestParser.parse(body);
        scores = ClinicalScores.compute(patient.latest());
        shock = SepticShockCriteria.evaluate(patient.latest());
        template = PromptTemplate.parse(Files.readAllBytes(Path.of("config/prompts/sepsis-assessment.json")),
                "bench", Instant.EPOCH);
        narrative = ClinicalNarrative.build(patient, scores, shock);
        redactedNotes = PhiRedactor.redact(GenaiFixtures.NOTE).text();
    }

    @Benchmark
    public GenaiPatient parse() {
        return GenaiRequestParser.parse(body);
    }

    @Benchmark
    public PhiRedactor.Redaction redact() {
        return PhiRedactor.redact(GenaiFixtures.NOTE);
    }

    /** A typical ~1 KB note with three identifiers. */
    @Benchmark
    public PhiRedactor.Redaction redactTypical() {
        return PhiRedactor.redact(GenaiFixtures.TYPICAL_NOTE);
    }

    @Benchmark
    public List<String> scan() {
        return InjectionDetector.scan(GenaiFixtures.NOTE);
    }

    @Benchmark
    public String narrative() {
        return ClinicalNarrative.build(patient, scores, shock);
    }

    @Benchmark
    public RenderedPrompt render() {
        return template.render(narrative, redactedNotes, List.of());
    }

    /** Everything the pipeline does before calling the LLM, scores included. */
    @Benchmark
    public AssembledPrompt wholePreparation() {
        GenaiPatient p = GenaiRequestParser.parse(body);
        ClinicalScores s = ClinicalScores.compute(p.latest());
        return PromptAssembler.assemble(p, s, SepticShockCriteria.evaluate(p.latest()), template);
    }
}
