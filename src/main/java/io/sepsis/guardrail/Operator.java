package io.sepsis.guardrail;

import java.util.Optional;

/**
 * Comparison of a rule: {@code actual <op> threshold}. A missing value (NaN) never satisfies any operator, so an
 * unmeasured parameter never breaches a rule (it is reported as missing instead).
 */
public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written as in the configuration ({@code "<"}, {@code "<="}, ...). */
    public static Optional<Operator> ofSymbol(String s) {
        for (Operator o : values()) {
            if (o.symbol.equals(s)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    public boolean test(double actual, double threshold) {
        switch (this) {
            case LT:
                return actual < threshold;
            case LE:
                return actual <= threshold;
            case GT:
                return actual > threshold;
            case GE:
                return actual >= threshold;
            default:
                return actual == threshold;
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
