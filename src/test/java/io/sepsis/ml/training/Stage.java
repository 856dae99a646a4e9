package io.sepsis.ml.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One booster of the shipped model and the question it answers. The shipped model adds the margins (log-odds) of
 * three stages and halves the sum:
 *
 * <pre>  margin = ½ · DIRECT + ½ · (WHICH + WHEN)</pre>
 *
 * <ul>
 *   <li>{@link #DIRECT}: is this hour labelled septic? The PhysioNet label on every training row.</li>
 *   <li>{@link #WHICH}: does this hour's stay ever become septic? On every training row.</li>
 *   <li>{@link #WHEN}: given the stay becomes septic, is this hour labelled? The PhysioNet label, on the rows of
 *   septic stays only (about 1,400 stays per fold), with shallower, more regularised trees.</li>
 * </ul>
 *
 * <p>Why: P(labelled | x) = P(septic stay | x) · P(labelled | septic stay, x), and for the small probabilities at
 * stake a log-probability is close to its log-odds, so WHICH + WHEN is a second estimate of DIRECT's margin that is
 * factorised along the two questions the pooled AUROC mixes (which patients, and when inside a septic course; see
 * the model card's error anatomy). Halving the sum is the geometric mean of the two estimates: fixed, not fitted,
 * so the weights add no optimism to the cross-validated numbers. Because the sum of tree margins scaled by ½ is
 * itself a sum of trees, the shipped artifact stays one XGBoost model ({@link StackedModelJson}), evaluated,
 * explained and checked against xgboost4j exactly as before.
 *
 * <p>{@code --target} reshapes the rows of DIRECT and WHEN (the PhysioNet label); WHICH always fits the stay's
 * outcome. {@code --xgb} overrides apply to every stage; WHEN then keeps its own depth and min_child_weight.
 */
enum Stage {
    DIRECT,
    WHICH,
    WHEN;

    /** Weight of every stage's margin when more than one is trained; exact in binary floating point. */
    static final float STACK_WEIGHT = 0.5f;

    static List<Stage> parseList(String csv) {
        List<Stage> out = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(Locale.ROOT))).toList();
        if (out.isEmpty() || out.get(0) != DIRECT || out.stream().distinct().count() != out.size()) {
            throw new IllegalArgumentException("--stages must start with direct and name each stage once, got " + csv);
        }
        return out;
    }

    /** Weight of a stage's margin in a model made of {@code stages} stages. */
    static float weight(int stages) {
        return stages == 1 ? 1f : STACK_WEIGHT;
    }

    /**
     * Boosting rounds of this stage: DIRECT the run's rounds, WHICH and WHEN a quarter as many each, at twice the
     * learning rate ({@link #tune}). Every tree costs evaluation time in the service; on out-of-fold predictions
     * 50 trees at eta 0.1 scored as 100 at eta 0.05 did (model card, "Three stages").
     */
    int rounds(int directRounds) {
        return this == DIRECT ? directRounds : Math.max(1, directRounds / 4);
    }

    /** XGBoost parameters of this stage on top of the run's: WHEN learns from septic stays only. */
    void tune(Map<String, Object> params) {
        if (this == DIRECT) {
            return;
        }
        params.put("eta", 2 * ((Number) params.get("eta")).doubleValue());
        if (this == WHEN) {
            params.put("max_depth", 4);
            params.put("min_child_weight", 20);
        }
    }

    /** Labels of training rows for this stage, from the PhysioNet labels {@code y} and the rows' stays. */
    float[] labels(float[] y, int[] stay, boolean[] septicStay) {
        if (this != WHICH) {
            return y.clone();
        }
        float[] out = new float[y.length];
        for (int r = 0; r < y.length; r++) {
            out[r] = septicStay[stay[r]] ? 1f : 0f;
        }
        return out;
    }

    /** Whether rows of a stay train this stage. */
    boolean trainsOn(boolean septicStay) {
        return this != WHEN || septicStay;
    }
}
