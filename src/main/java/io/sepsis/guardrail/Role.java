package io.sepsis.guardrail;

import java.util.Optional;

/** What a breached rule does: {@code trigger} can force the override; {@code info} is reported (and may feed floors). */
public enum Role {
    TRIGGER("trigger"), INFO("info");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Role> ofWire(String s) {
        for (Role r : values()) {
            if (r.wire.equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
