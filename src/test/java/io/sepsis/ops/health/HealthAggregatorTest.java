package io.sepsis.ops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HealthAggregatorTest {

    private static ComponentStatus component(String name, boolean ready, String detail) {
        return new ComponentStatus() {
            public String component() {
                return name;
            }

            public boolean ready() {
                return ready;
            }

            public String detail() {
                return detail;
            }
        };
    }

    @Test
    void no_components_is_healthy() {
        HealthReport r = HealthAggregator.aggregate(List.of());
        assertTrue(r.healthy());
        assertEquals("healthy", r.status());
    }

    @Test
    void one_component_not_ready_makes_it_unhealthy_and_is_named() {
        HealthReport r = HealthAggregator.aggregate(List.of(component("model", true, "v1"),
                component("ml_thresholds", false, "invalid: alert threshold missing")));
        assertFalse(r.healthy());
        assertEquals("unhealthy", r.status());
        assertFalse(r.components().get("ml_thresholds").ready());
        assertTrue(r.components().get("model").ready());
    }

    @Test
    void a_check_that_throws_counts_as_not_ready() {
        ComponentStatus broken = new ComponentStatus() {
            public String component() {
                return "guardrail";
            }

            public boolean ready() {
                throw new IllegalStateException("boom");
            }

            public String detail() {
                return "x";
            }
        };
        HealthReport r = HealthAggregator.aggregate(List.of(broken));
        assertFalse(r.healthy());
        assertEquals("status check failed", r.components().get("guardrail").detail());
    }
}
