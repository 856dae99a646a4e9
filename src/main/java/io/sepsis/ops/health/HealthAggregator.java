package io.sepsis.ops.health;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

/**
 * Asks every CDI bean implementing {@link ComponentStatus} whether it is ready; shared by {@code GET /health} and
 * the readiness check so they never disagree. A component whose check throws counts as not ready.
 */
@ApplicationScoped
public class HealthAggregator {
    private static final Logger LOG = Logger.getLogger(HealthAggregator.class);

    private final Instance<ComponentStatus> components;

    HealthAggregator(@Any Instance<ComponentStatus> components) {
        this.components = components;
    }

    public HealthReport check() {
        return aggregate(components);
    }

    /** Plain aggregation, usable without CDI. */
    public static HealthReport aggregate(Iterable<? extends ComponentStatus> statuses) {
        Map<String, HealthReport.Component> byName = new TreeMap<>();
        boolean healthy = true;
        for (ComponentStatus status : statuses) {
            String name = status.component();
            HealthReport.Component component;
            try {
                component = new HealthReport.Component(status.ready(), status.detail());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Health check of component %s failed", name);
                component = new HealthReport.Component(false, "status check failed");
            }
            healthy &= component.ready();
            byName.put(name, component);
        }
        return new HealthReport(healthy, Collections.unmodifiableMap(byName));
    }
}
