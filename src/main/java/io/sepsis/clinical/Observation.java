package io.sepsis.clinical;

import java.util.Arrays;

/**
 * One observation of one patient at one time: a value per {@link Field}, NaN when not measured.
 * Immutable; values are validated (plausible range) by whoever builds it from untrusted input.
 */
public final class Observation {
    private final double[] values;

    private Observation(double[] values) {
        this.values = values;
    }

    public static Observation of(double[] values) {
        if (values.length != Field.COUNT) {
            throw new IllegalArgumentException("expected " + Field.COUNT + " values, got " + values.length);
        }
        return new Observation(values.clone());
    }

    public static Builder builder() {
        return new Builder();
    }

    public double get(Field f) {
        return values[f.ordinal()];
    }

    public boolean has(Field f) {
        return !Double.isNaN(values[f.ordinal()]);
    }

    /** A copy of all values in {@link Field} order. */
    public double[] toArray() {
        return values.clone();
    }

    /** Mean arterial pressure: measured, else estimated as (SBP + 2·DBP) / 3, else NaN. */
    public double mapOrEstimate() {
        return mapOrEstimate(get(Field.MAP), get(Field.SBP), get(Field.DBP));
    }

    /** {@link #mapOrEstimate()} on values (NaN = not measured); the feature code uses it on forward-filled ones. */
    public static double mapOrEstimate(double map, double sbp, double dbp) {
        return Double.isNaN(map) ? (sbp + 2 * dbp) / 3.0 : map; // NaN when SBP or DBP is missing
    }

    public static final class Builder {
        private final double[] values = new double[Field.COUNT];

        private Builder() {
            Arrays.fill(values, Double.NaN);
        }

        public Builder set(Field f, double v) {
            values[f.ordinal()] = v;
            return this;
        }

        public Observation build() {
            return new Observation(values.clone());
        }
    }
}
