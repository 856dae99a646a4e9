package io.sepsis.genai.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.api.BatchBody;
import io.sepsis.api.PatientIds;
import io.sepsis.api.Problem;
import io.sepsis.api.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batches of GenAI decisions, processed concurrently on one bounded pool shared by all requests
 * ({@code genai.batch.concurrency}, default 16): a 50-patient batch against a provider that takes 1 s per call
 * takes about 4 s, and concurrent batches cannot multiply the load on the provider. Results keep input order; an
 * invalid patient yields its index and problem instead of failing the batch.
 */
@ApplicationScoped
public class GenaiBatch {
    private final GenaiPipeline pipeline;
    private final ExecutorService pool;
    private final int maxPatients;

    public GenaiBatch(GenaiPipeline pipeline,
                      @ConfigProperty(name = "genai.batch.concurrency", defaultValue = "16") int concurrency,
                      @ConfigProperty(name = "genai.batch.max-patients", defaultValue = "100") int maxPatients) {
        this.pipeline = pipeline;
        this.maxPatients = maxPatients;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "genai-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One entry: the result, or the index and problem of an invalid patient; {@code patient_id} as echoed by the
     * result, or for an invalid patient its id when that id is itself valid (as in {@code /classify-batch}).
     */
    public record Entry(int index, @JsonProperty("patient_id") String patientId, GenaiResult result, Problem error) {
    }

    public List<Entry> run(JsonNode body, String requestId) {
        JsonNode patients = BatchBody.patients(body, maxPatients, "per GenAI batch");
        GenaiPipeline.Snapshot snapshot = pipeline.snapshot(); // one configuration for the whole batch
        List<Future<GenaiResult>> futures = new ArrayList<>(patients.size());
        for (int i = 0; i < patients.size(); i++) {
            JsonNode p = patients.get(i);
            String prefix = "patients[" + i + "].";
            futures.add(pool.submit(() -> pipeline.classify(p, snapshot, requestId, prefix)));
        }
        List<Entry> out = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                GenaiResult r = futures.get(i).get();
                out.add(new Entry(i, r.patientId(), r, null));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ProblemException pe) {
                    out.add(new Entry(i, PatientIds.echo(patients.get(i)), null, Problem.of(pe, requestId)));
                } else {
                    throw new IllegalStateException("GenAI batch item " + i + " failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return out;
    }

    @PreDestroy
    public void stop() {
        pool.shutdownNow();
    }
}
