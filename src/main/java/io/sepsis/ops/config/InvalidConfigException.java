package io.sepsis.ops.config;

import java.util.List;

/** A configuration file that was refused, with every reason (validation reports all problems at once). */
public class InvalidConfigException extends Exception {
    private final List<String> reasons;

    public InvalidConfigException(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
