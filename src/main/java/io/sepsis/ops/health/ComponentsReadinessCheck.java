package io.sepsis.ops.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: up when every {@link ComponentStatus} is ready, with each one's state as data. */
@Readiness
@ApplicationScoped
public class ComponentsReadinessCheck implements HealthCheck {
    private final HealthAggregator aggregator;

    ComponentsReadinessCheck(HealthAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public HealthCheckResponse call() {
        HealthReport report = aggregator.check();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("components").status(report.healthy());
        report.components().forEach((name, c) -> builder.withData(name,
                (c.ready() ? "ready" : "not ready") + (c.detail() == null ? "" : ": " + c.detail())));
        return builder.build();
    }
}
