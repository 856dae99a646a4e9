package io.sepsis.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict, bounded JSON reading for every request body (the ObjectMapper Quarkus REST uses):
 * <ul>
 * <li>nesting depth at most {@value #MAX_NESTING_DEPTH}: a deeply nested body is a 400, never a stack overflow;</li>
 * <li>a key given twice in one object is an error, not "last one wins" (two different heart rates);</li>
 * <li>content after the JSON value is an error;</li>
 * <li>no silent coercion into Java types: {@code "110"} is not a number, {@code null} is not 0 for a primitive
 * (use {@code Double} for "null = not measured").</li>
 * </ul>
 * {@code NaN}/{@code Infinity} literals are rejected by Jackson's default (they are not JSON).
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {
    public static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType numeric : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }
}
