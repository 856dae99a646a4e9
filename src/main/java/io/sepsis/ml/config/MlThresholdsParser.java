package io.sepsis.ml.config;

import io.sepsis.ops.config.InvalidConfigException;

import com.fasterxml.jackson.databind.JsonNode;
import io.sepsis.ops.config.ConfigJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates {@code ml-thresholds.json}. Strict: unknown keys are errors (a typo such as
 * "alert_treshold" must not silently leave the old value live), and every problem is reported at once.
 */
public final class MlThresholdsParser {
    private static final Set<String> TOP = Set.of("version", "description", "alert_threshold", "risk_levels",
            "escalation_floors", "site_prevalence");
    private static final Set<String> SITE = Set.of("septic_stay_rate", "source");
    /** Above this, the number is not a share of ICU stays (a percentage typed as 6 instead of 0.06 is refused). */
    static final double MAX_SITE_RATE = 0.5;
    private static final Set<String> LEVELS = Set.of("moderate_from", "high_from", "critical_from");
    private static final Set<String> FLOOR = Set.of("criterion", "min_level", "rationale", "source");

    private MlThresholdsParser() {
    }

    /** Thrown with every reason the file was refused. */
    public static final class InvalidThresholdsException extends InvalidConfigException {
        public InvalidThresholdsException(List<String> reasons) {
            super(reasons);
        }
    }

    public static MlThresholds parse(byte[] json, String source, Instant loadedAt) throws InvalidThresholdsException {
        JsonNode root = ConfigJson.readObject(json, "", InvalidThresholdsException::new);
        List<String> errors = new ArrayList<>();
        ConfigJson.unknownKeys(root, TOP, "", errors);
        String version = ConfigJson.text(root, "version", "", true, errors);
        String description = ConfigJson.text(root, "description", "", false, errors);
        double alert = probability(root.get("alert_threshold"), "alert_threshold", errors);
        JsonNode levels = root.get("risk_levels");
        double moderate = Double.NaN;
        double critical = Double.NaN;
        if (levels == null || !levels.isObject()) {
            errors.add("risk_levels: required object with moderate_from, high_from, critical_from");
        } else {
            ConfigJson.unknownKeys(levels, LEVELS, "risk_levels.", errors);
            moderate = probability(levels.get("moderate_from"), "risk_levels.moderate_from", errors);
            critical = probability(levels.get("critical_from"), "risk_levels.critical_from", errors);
            JsonNode high = levels.get("high_from");
            boolean tied = high != null && (high.isTextual() && high.asText().equals("alert_threshold")
                    || high.isNumber() && high.asDouble() == alert);
            if (!tied) {
                errors.add("risk_levels.high_from: must be \"alert_threshold\" (HIGH starts at the alert threshold)");
            }
            if (!Double.isNaN(moderate) && !Double.isNaN(alert) && !(moderate < alert)) {
                errors.add("risk_levels.moderate_from: must be below alert_threshold");
            }
            if (!Double.isNaN(critical) && !Double.isNaN(alert) && !(critical > alert)) {
                errors.add("risk_levels.critical_from: must be above alert_threshold");
            }
        }
        List<MlThresholds.Floor> floors = floors(root.get("escalation_floors"), errors);
        MlThresholds.SitePrevalence site = sitePrevalence(root.get("site_prevalence"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidThresholdsException(errors);
        }
        return new MlThresholds(version, description, alert, moderate, critical, floors, site, loadedAt, source);
    }

    /** Optional; null or absent = the training population's prevalence. */
    private static MlThresholds.SitePrevalence sitePrevalence(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("site_prevalence: must be an object with septic_stay_rate and source, or null");
            return null;
        }
        ConfigJson.unknownKeys(node, SITE, "site_prevalence.", errors);
        JsonNode r = node.get("septic_stay_rate");
        double rate = Double.NaN;
        if (r == null || !r.isNumber()) {
            errors.add("site_prevalence.septic_stay_rate: required number, the share of ICU stays that become septic"
                    + " (e.g. 0.06 for 6 %)");
        } else if (!(r.asDouble() > 0 && r.asDouble() <= MAX_SITE_RATE)) {
            errors.add("site_prevalence.septic_stay_rate: must be above 0 and at most " + MAX_SITE_RATE
                    + " (a share, not a percentage)");
        } else {
            rate = r.asDouble();
        }
        String source = ConfigJson.text(node, "source", "site_prevalence.", true, errors);
        return Double.isNaN(rate) || source == null ? null : new MlThresholds.SitePrevalence(rate, source);
    }

    private static List<MlThresholds.Floor> floors(JsonNode node, List<String> errors) {
        List<MlThresholds.Floor> out = new ArrayList<>();
        if (node == null) {
            errors.add("escalation_floors: required (use [] for none)");
            return out;
        }
        if (!node.isArray()) {
            errors.add("escalation_floors: must be an array");
            return out;
        }
        EnumSet<EscalationCriterion> seen = EnumSet.noneOf(EscalationCriterion.class);
        for (int i = 0; i < node.size(); i++) {
            String at = "escalation_floors[" + i + "]";
            JsonNode f = node.get(i);
            if (!f.isObject()) {
                errors.add(at + ": must be an object");
                continue;
            }
            ConfigJson.unknownKeys(f, FLOOR, at + ".", errors);
            String c = ConfigJson.text(f, "criterion", at + ".", true, errors);
            EscalationCriterion criterion = c == null ? null : EscalationCriterion.of(c).orElse(null);
            if (c != null && criterion == null) {
                errors.add(at + ".criterion: unknown '" + c + "'; known: septic_shock, qsofa_ge_2, news2_ge_7");
            } else if (criterion != null && !seen.add(criterion)) {
                errors.add(at + ".criterion: '" + c + "' is listed twice");
            }
            String level = ConfigJson.text(f, "min_level", at + ".", true, errors);
            RiskLevel min = null;
            if (level != null) {
                try {
                    min = RiskLevel.valueOf(level);
                } catch (IllegalArgumentException e) {
                    errors.add(at + ".min_level: must be MODERATE, HIGH or CRITICAL");
                }
                if (min == RiskLevel.LOW) {
                    errors.add(at + ".min_level: LOW is not a floor");
                }
            }
            String rationale = ConfigJson.text(f, "rationale", at + ".", true, errors);
            String source = ConfigJson.text(f, "source", at + ".", true, errors);
            if (criterion != null && min != null && min != RiskLevel.LOW && rationale != null && source != null) {
                out.add(new MlThresholds.Floor(criterion, min, rationale, source));
            }
        }
        return out;
    }

    private static double probability(JsonNode n, String name, List<String> errors) {
        if (n == null || !n.isNumber()) {
            errors.add(name + ": required number strictly between 0 and 1");
            return Double.NaN;
        }
        double v = n.asDouble();
        if (!(v > 0 && v < 1)) {
            errors.add(name + ": must be strictly between 0 and 1");
            return Double.NaN;
        }
        return v;
    }
}
