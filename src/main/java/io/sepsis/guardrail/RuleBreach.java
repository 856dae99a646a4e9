package io.sepsis.guardrail;

/**
 * A breached single-parameter rule, with everything needed to show and audit it.
 *
 * @param estimated the actual value is derived rather than measured (MAP from SBP and DBP)
 */
public record RuleBreach(String id, RuleCategory category, String parameter, Operator operator, double threshold,
                         double actual, String unit, Role role, String rationale, String source, boolean estimated) {

    /** E.g. {@code SBP 85 <= 90 mmHg}, {@code MAP 63.33 (estimated from SBP/DBP) < 65 mmHg}. */
    public String condition() {
        return parameter + " " + Num.fmt(actual) + (estimated ? " (estimated from SBP/DBP)" : "") + " "
                + operator.symbol() + " " + Num.fmt(threshold) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** E.g. {@code sbp_critical (hemodynamic, trigger): SBP 85 <= 90 mmHg}. */
    public String describe() {
        return id + " (" + category.wire() + ", " + role.wire() + "): " + condition();
    }
}
