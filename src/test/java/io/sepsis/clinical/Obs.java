package io.sepsis.clinical;

/** Test helper: an observation from (Field, value) pairs, everything else not measured. */
public final class Obs {
    private Obs() {
    }

    public static Observation of(Object... fieldValuePairs) {
        if (fieldValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected (Field, value) pairs");
        }
        Observation.Builder b = Observation.builder();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            b.set((Field) fieldValuePairs[i], ((Number) fieldValuePairs[i + 1]).doubleValue());
        }
        return b.build();
    }

    /** Copy of {@code base} with the given pairs overwritten. */
    public static Observation with(Observation base, Object... fieldValuePairs) {
        Observation.Builder b = Observation.builder();
        for (Field f : Field.values()) {
            b.set(f, base.get(f));
        }
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            b.set((Field) fieldValuePairs[i], ((Number) fieldValuePairs[i + 1]).doubleValue());
        }
        return b.build();
    }
}
