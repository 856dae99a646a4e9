package io.sepsis.guardrail;

import java.util.Optional;

/** What a breached rule does: {@code trigger} can force the override; {@code info} is reported (and may feed floors). */
public enum Role implements WireName {
    TRIGGER("trigger"), INFO("info");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<Role> ofWire(String s) {
        return WireName.exact(Role.class, s);
    }

    @Override
    public String toString() {
        return wire;
    }
}
