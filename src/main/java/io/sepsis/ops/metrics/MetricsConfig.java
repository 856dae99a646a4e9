package io.sepsis.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.sepsis.genai.service.GenaiMetrics;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * HTTP timers get client-side percentiles (p50, p95, p99, for {@code GET /performance}) and SLO buckets (for
 * Prometheus alerting on the latency targets: 1, 2, 5, 10, 50, 100, 500 ms, 1, 5, 10 s); the LLM timer
 * ({@link GenaiMetrics#LLM_LATENCY}) the same percentiles and buckets at 0.25, 0.5, 1, 2, 4, 8, 16 s (the decision
 * deadline is 8 s).
 */
@Singleton
public class MetricsConfig {
    static final String HTTP = "http.server.requests";
    static final String LLM = GenaiMetrics.LLM_LATENCY;

    @Produces
    @Singleton
    public MeterFilter httpLatencyDistribution() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(LLM)) {
                    return DistributionStatisticConfig.builder()
                            .percentiles(0.5, 0.95, 0.99)
                            .serviceLevelObjectives(ms(250), ms(500), ms(1000), ms(2000), ms(4000), ms(8000),
                                    ms(16000))
                            .expiry(Duration.ofMinutes(5))
                            .bufferLength(1)
                            .build()
                            .merge(config);
                }
                if (!id.getName().equals(HTTP)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(0.5, 0.95, 0.99)
                        .serviceLevelObjectives(ms(1), ms(2), ms(5), ms(10), ms(50), ms(100), ms(500), ms(1000),
                                ms(5000), ms(10000))
                        .expiry(Duration.ofMinutes(2))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
