package io.sepsis.ops.health;

import java.util.Map;

/**
 * The aggregated state of every {@link ComponentStatus}: healthy when all are ready (also when there are none).
 *
 * @param components by component name, in name order
 */
public record HealthReport(boolean healthy, Map<String, Component> components) {

    public record Component(boolean ready, String detail) {
    }

    public String status() {
        return healthy ? "healthy" : "unhealthy";
    }
}
