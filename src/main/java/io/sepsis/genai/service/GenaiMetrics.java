package io.sepsis.genai.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Meters of the GenAI pathway, one update per decision (from {@link DecisionAudit}), all with bounded tags:
 * <ul>
 *   <li>{@code sepsis_genai_decisions_total{status,decided_by}};</li>
 *   <li>{@code sepsis_genai_degraded_total{reason}} (the API's {@code degraded_reason});</li>
 *   <li>{@code sepsis_guardrail_overrides_total{rule}}: the trigger rules behind each override, and
 *       {@code sepsis_guardrail_escalations_total{floor}}: the floors that raised a risk;</li>
 *   <li>{@code sepsis_llm_latency_seconds{provider,model,outcome}} (SLO buckets, see
 *       {@code io.sepsis.ops.metrics.MetricsConfig}), {@code sepsis_llm_tokens_total{provider,model,direction}} and,
 *       when prices are configured, {@code sepsis_llm_cost_usd_total{provider,model}} (an estimate: tokens x list
 *       price, no discounts, no caching).</li>
 * </ul>
 */
@Singleton
public class GenaiMetrics {
    public static final String LLM_LATENCY = "sepsis.llm.latency";
    public static final String DECISIONS = "sepsis.genai.decisions";
    public static final String DEGRADED = "sepsis.genai.degraded";
    public static final String OVERRIDES = "sepsis.guardrail.overrides";
    public static final String ESCALATIONS = "sepsis.guardrail.escalations";
    public static final String LLM_TOKENS = "sepsis.llm.tokens";
    public static final String LLM_COST = "sepsis.llm.cost";

    private final MeterRegistry registry;
    private final Optional<Double> inputUsdPerMillion;
    private final Optional<Double> outputUsdPerMillion;

    @Inject
    public GenaiMetrics(MeterRegistry registry,
                        @ConfigProperty(name = "genai.llm-pricing.input-usd-per-million-tokens")
                        Optional<Double> inputUsdPerMillion,
                        @ConfigProperty(name = "genai.llm-pricing.output-usd-per-million-tokens")
                        Optional<Double> outputUsdPerMillion) {
        this.registry = registry;
        this.inputUsdPerMillion = inputUsdPerMillion;
        this.outputUsdPerMillion = outputUsdPerMillion;
    }

    /** Meters kept in memory only (tests, benchmarks). */
    public static GenaiMetrics inMemory() {
        return new GenaiMetrics(new SimpleMeterRegistry(), Optional.empty(), Optional.empty());
    }

    public boolean pricesConfigured() {
        return inputUsdPerMillion.isPresent() && outputUsdPerMillion.isPresent();
    }

    void record(DecisionAudit.Entry e) {
        registry.counter(DECISIONS, "status", e.status(), "decided_by", e.decidedBy()).increment();
        if (e.degradedReason() != null) {
            registry.counter(DEGRADED, "reason", e.degradedReason()).increment();
        }
        for (String rule : e.overrideRules()) {
            registry.counter(OVERRIDES, "rule", rule).increment();
        }
        for (String floor : e.floorsApplied()) {
            registry.counter(ESCALATIONS, "floor", floor).increment();
        }
        if (e.llmAttempts() > 0) {
            String outcome = e.degradedReason() == null ? "success" : e.degradedReason();
            Timer.builder(LLM_LATENCY).description("Time spent on the LLM for one decision, retries included")
                    .tags("provider", e.provider(), "model", e.model(), "outcome", outcome).register(registry)
                    .record(Duration.ofMillis(e.llmLatencyMs()));
        }
        int in = e.llmInputTokens() == null ? 0 : e.llmInputTokens();
        int out = e.llmOutputTokens() == null ? 0 : e.llmOutputTokens();
        if (in > 0 || out > 0) {
            tokens(e, "input").increment(in);
            tokens(e, "output").increment(out);
            if (pricesConfigured()) {
                Counter.builder(LLM_COST).baseUnit("usd")
                        .description("Estimated LLM cost: tokens x configured list prices")
                        .tags("provider", e.provider(), "model", e.model()).register(registry)
                        .increment((in * inputUsdPerMillion.get() + out * outputUsdPerMillion.get()) / 1e6);
            }
        }
    }

    /** A decision that failed inside the service (not bad input): counted with status {@code failed}. */
    void failed() {
        registry.counter(DECISIONS, "status", "failed", "decided_by", "none").increment();
    }

    private Counter tokens(DecisionAudit.Entry e, String direction) {
        return registry.counter(LLM_TOKENS, "provider", e.provider(), "model", e.model(),
                "direction", direction);
    }
}
