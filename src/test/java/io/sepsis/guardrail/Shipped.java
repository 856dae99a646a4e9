package io.sepsis.guardrail;

import io.sepsis.guardrail.config.GuardrailConfig;
import io.sepsis.guardrail.config.GuardrailConfigParser;
import io.sepsis.guardrail.config.InvalidGuardrailConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Test helper: the shipped configuration (config/guardrails/sepsis-guardrail.json), parsed once. */
public final class Shipped {
    public static final Path FILE = Path.of("config/guardrails/sepsis-guardrail.json");
    private static volatile GuardrailConfig config;

    private Shipped() {
    }

    public static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GuardrailConfig config() {
        if (config == null) {
            config = parse(text());
        }
        return config;
    }

    public static GuardrailConfig parse(String json) {
        try {
            return GuardrailConfigParser.parse(json.getBytes(StandardCharsets.UTF_8), "test", Instant.EPOCH);
        } catch (InvalidGuardrailConfigException e) {
            throw new AssertionError("config refused: " + e.reasons());
        }
    }

    public static List<String> reasons(String json) {
        try {
            GuardrailConfigParser.parse(json.getBytes(StandardCharsets.UTF_8), "test", Instant.EPOCH);
            throw new AssertionError("config accepted");
        } catch (InvalidGuardrailConfigException e) {
            return e.reasons();
        }
    }

    public static GuardrailAssessment notes(String notes) {
        return GuardrailEngine.assess(config(), new GuardrailInput(io.sepsis.clinical.Obs.of(), notes, null, null));
    }
}
