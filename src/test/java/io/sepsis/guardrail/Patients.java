package io.sepsis.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.clinical.Field;
import io.sepsis.clinical.Observation;
import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.Parameter;
import io.sepsis.guardrail.config.ThresholdRule;

import java.util.List;
import java.util.function.Consumer;

/** Test helpers: observations that put one rule's parameter at a given value, and config edits. */
final class Patients {
    static final ObjectMapper JSON = new ObjectMapper();

    private Patients() {
    }

    /** An observation where {@code p} reads {@code v} (MAP measured; PaO2_FiO2 via FiO2 0.5). */
    static Observation with(Parameter p, double v) {
        Observation.Builder b = Observation.builder();
        if (p.name().equals(Parameter.PF_RATIO)) {
            b.set(Field.FiO2, 0.5).set(Field.PaO2, v * 0.5);
        } else {
            b.set(Field.valueOf(p.name()), v);
        }
        return b.build();
    }

    /** A value that satisfies the rule's operator just barely, or just fails it. */
    static double justBreaching(ThresholdRule r) {
        double eps = step(r.value());
        switch (r.operator()) {
            case LT:
                return r.value() - eps;
            case GT:
                return r.value() + eps;
            default:
                return r.value(); // <=, >=, ==
        }
    }

    static double justNotBreaching(ThresholdRule r) {
        double eps = step(r.value());
        switch (r.operator()) {
            case LT:
            case GT:
                return r.value(); // < 88 and > 80 are not met at the value itself
            case GE:
                return r.value() - eps;
            default:
                return r.value() + eps; // <=, ==
        }
    }

    /** 0.01 for values like 2.0 or 7.25, 0.1 and up for big ones: always smaller than any clinical gap. */
    static double step(double v) {
        return Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 0.1 : 0.01;
    }

    static GuardrailAssessment assess(GuardrailConfig cfg, Observation o, List<String> conditions,
                                      List<String> medications, String notes) {
        return GuardrailEngine.assess(cfg, new GuardrailInput(o, notes, conditions, medications));
    }

    static GuardrailAssessment assess(Observation o) {
        return assess(Shipped.config(), o, null, null, null);
    }

    /** The shipped configuration with an edit applied to its JSON tree. */
    static String edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Shipped.text());
            edit.accept(root);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JSON object of a rule of the tree. */
    static ObjectNode rule(ObjectNode root, String id) {
        for (JsonNode r : root.get("thresholds")) {
            if (r.get("id").asText().equals(id)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
