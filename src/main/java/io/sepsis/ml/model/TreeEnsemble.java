package io.sepsis.ml.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A binary:logistic XGBoost gradient-boosted tree ensemble evaluated in pure Java from the model's own JSON
 * ({@code Booster.saveModel("x.json")}). No JNI, no DMatrix: a prediction walks one path per tree over flat arrays.
 *
 * <p>Semantics follow XGBoost's CPU predictor: a row goes left when {@code x[f] < split_condition}, a missing value
 * (NaN) follows the node's default direction, leaf values are summed in float starting from the base margin, and
 * the probability is the logistic of that margin. The equivalence test checks this against xgboost4j on real rows.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class TreeEnsemble {
    private final int[] feature;      // split feature, -1 for a leaf
    private final float[] value;      // split condition, or the leaf value
    private final int[] left;
    private final int[] right;
    private final boolean[] defaultLeft;
    private final double[] nodeMean;  // cover-weighted mean leaf value below each node (per-path attribution)
    private final double[] cover;     // sum of hessians reaching each node (TreeSHAP)
    private final int[] roots;
    private final float baseMargin;
    private final int numFeatures;
    // Fast layout for prediction: one long per node, high word = feature (10 bits) | default-left (1 bit) | left
    // child slot (21 bits; right = left + 1), low word = threshold bits. Leaves loop to themselves, so every tree
    // is walked a fixed number of steps with no leaf test, eight trees at a time so their cache misses overlap: the
    // depth of the deepest tree of those eight (a stacked model mixes depth-6 and depth-4 trees). A leaf
    // compares x[0] with +Infinity to stay put: feature vectors hold finite values or NaN only (StayFeatures
    // guarantees it; NaN follows the leaf's default "left" = itself).
    private final long[] packed;
    private final float[] packedLeaf;
    private final double[] packedMean; // nodeMean by slot, for per-path attribution on the packed layout
    private final int[] packedRoots;
    private final int depth;
    private final int[] treeDepth;  // by tree, for the trees walked one at a time
    private final int[] depthOf8;   // by block of 8 trees (margin)
    private final int[] depthOf4;   // by block of 4 trees (per-path attribution)
    private static final int FEATURE_BITS = 10;
    private static final int FEATURE_MASK = (1 << FEATURE_BITS) - 1;
    private static final int MAX_SLOTS = 1 << 21;

    private TreeEnsemble(int[] feature, float[] value, int[] left, int[] right, boolean[] defaultLeft,
                         double[] cover, int[] roots, float baseMargin, int numFeatures) {
        this.feature = feature;
        this.value = value;
        this.left = left;
        this.right = right;
        this.defaultLeft = defaultLeft;
        this.cover = cover;
        this.roots = roots;
        this.baseMargin = baseMargin;
        this.numFeatures = numFeatures;
        this.nodeMean = new double[feature.length];
        for (int r : roots) {
            fillMean(r);
        }
        this.treeDepth = new int[roots.length];
        for (int t = 0; t < roots.length; t++) {
            treeDepth[t] = depthOf(roots[t]);
        }
        this.depth = Arrays.stream(treeDepth).max().orElse(0); // the deepest tree, for TreeSHAP's path buffers
        this.depthOf8 = blockDepths(treeDepth, 8);
        this.depthOf4 = blockDepths(treeDepth, 4);
        if (numFeatures > FEATURE_MASK + 1 || feature.length >= MAX_SLOTS) {
            throw new IllegalArgumentException("model too large for the packed layout: " + numFeatures
                    + " features, " + feature.length + " nodes");
        }
        this.packed = new long[feature.length];
        this.packedLeaf = new float[feature.length];
        this.packedMean = new double[feature.length];
        this.packedRoots = new int[roots.length];
        int next = 0;
        for (int t = 0; t < roots.length; t++) {
            next = pack(roots[t], next);
            packedRoots[t] = slotOf[roots[t]];
        }
        slotOf = null;
    }

    private int[] slotOf;

    /** Lays one tree out breadth-first with siblings adjacent; returns the next free slot. */
    private int pack(int root, int next) {
        if (slotOf == null) {
            slotOf = new int[feature.length];
        }
        int[] queue = new int[1 << (depthOf(root) + 1)];
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        slotOf[root] = next++;
        while (head < tail) {
            int n = queue[head++];
            int slot = slotOf[n];
            packedMean[slot] = nodeMean[n];
            if (feature[n] < 0) {
                packed[slot] = node(0, true, slot, Float.POSITIVE_INFINITY); // stays on itself
                packedLeaf[slot] = value[n];
            } else {
                slotOf[left[n]] = next;
                slotOf[right[n]] = next + 1;
                packed[slot] = node(feature[n], defaultLeft[n], next, value[n]);
                next += 2;
                queue[tail++] = left[n];
                queue[tail++] = right[n];
            }
        }
        return next;
    }

    private static long node(int feature, boolean defaultLeft, int leftSlot, float threshold) {
        int hi = feature | (defaultLeft ? 1 << FEATURE_BITS : 0) | leftSlot << (FEATURE_BITS + 1);
        return (long) hi << 32 | (Float.floatToRawIntBits(threshold) & 0xFFFFFFFFL);
    }

    /** Parses XGBoost's JSON model format (version 1.0 and later). */
    public static TreeEnsemble fromJson(InputStream json) throws IOException {
        JsonNode learner = new ObjectMapper().readTree(json).path("learner");
        String objective = learner.path("objective").path("name").asText();
        if (!objective.equals("binary:logistic")) {
            throw new IOException("unsupported objective '" + objective + "', expected binary:logistic");
        }
        JsonNode param = learner.path("learner_model_param");
        int numFeatures = Integer.parseInt(param.path("num_feature").asText());
        float baseScore = parseXgbFloat(param.path("base_score").asText());
        if (!(baseScore > 0 && baseScore < 1)) {
            throw new IOException("base_score " + baseScore + " is not a probability");
        }
        JsonNode booster = learner.path("gradient_booster");
        if (!booster.path("name").asText().equals("gbtree")) {
            throw new IOException("unsupported booster " + booster.path("name").asText());
        }
        JsonNode trees = booster.path("model").path("trees");
        int total = 0;
        for (JsonNode t : trees) {
            total += t.path("left_children").size();
        }
        int[] feature = new int[total];
        float[] value = new float[total];
        int[] left = new int[total];
        int[] right = new int[total];
        boolean[] defaultLeft = new boolean[total];
        double[] cover = new double[total];
        int[] roots = new int[trees.size()];
        int offset = 0;
        int ti = 0;
        for (JsonNode t : trees) {
            if (t.path("categories").size() > 0) {
                throw new IOException("categorical splits are not supported");
            }
            JsonNode lc = t.path("left_children");
            JsonNode rc = t.path("right_children");
            JsonNode si = t.path("split_indices");
            JsonNode sc = t.path("split_conditions");
            JsonNode dl = t.path("default_left");
            JsonNode sh = t.path("sum_hessian");
            int n = lc.size();
            for (int i = 0; i < n; i++) {
                int g = offset + i;
                boolean leaf = lc.get(i).asInt() == -1;
                feature[g] = leaf ? -1 : si.get(i).asInt();
                if (!leaf && (feature[g] < 0 || feature[g] >= numFeatures)) {
                    throw new IOException("tree " + ti + " node " + i + " splits on feature " + feature[g]);
                }
                value[g] = (float) sc.get(i).asDouble();
                left[g] = leaf ? -1 : offset + lc.get(i).asInt();
                right[g] = leaf ? -1 : offset + rc.get(i).asInt();
                defaultLeft[g] = dl.get(i).asInt() != 0;
                cover[g] = sh.get(i).asDouble();
            }
            roots[ti++] = offset;
            offset += n;
        }
        return new TreeEnsemble(feature, value, left, right, defaultLeft, cover, roots, baseMargin(baseScore),
                numFeatures);
    }

    public int numFeatures() {
        return numFeatures;
    }

    public int numTrees() {
        return roots.length;
    }

    /** Raw margin (log-odds) for one feature vector. */
    public float margin(float[] x) {
        float sum = baseMargin;
        long[] p = packed;
        float[] leaf = packedLeaf;
        int t = 0;
        int trees = packedRoots.length;
        for (; t + 8 <= trees; t += 8) {
            int a = packedRoots[t];
            int b = packedRoots[t + 1];
            int c = packedRoots[t + 2];
            int d = packedRoots[t + 3];
            int e = packedRoots[t + 4];
            int f = packedRoots[t + 5];
            int g = packedRoots[t + 6];
            int h = packedRoots[t + 7];
            int steps = depthOf8[t >>> 3];
            for (int step = 0; step < steps; step++) {
                a = step(p, a, x);
                b = step(p, b, x);
                c = step(p, c, x);
                d = step(p, d, x);
                e = step(p, e, x);
                f = step(p, f, x);
                g = step(p, g, x);
                h = step(p, h, x);
            }
            // Added in tree order: float addition is not associative and XGBoost sums tree by tree.
            sum += leaf[a];
            sum += leaf[b];
            sum += leaf[c];
            sum += leaf[d];
            sum += leaf[e];
            sum += leaf[f];
            sum += leaf[g];
            sum += leaf[h];
        }
        for (; t < trees; t++) {
            int a = packedRoots[t];
            for (int step = 0; step < treeDepth[t]; step++) {
                a = step(p, a, x);
            }
            sum += leaf[a];
        }
        return sum;
    }

    /**
     * One level down. Branch-free on purpose: split outcomes are coin flips and many inputs are NaN, so branches
     * would mispredict about half the time. For a number exactly one of lt/ge is 1 and the result is lt; for NaN
     * both are 0 and the node's default direction decides.
     */
    private static int step(long[] p, int slot, float[] x) {
        long w = p[slot];
        int meta = (int) (w >>> 32);
        float thr = Float.intBitsToFloat((int) w);
        float v = x[meta & FEATURE_MASK];
        int lt = v < thr ? 1 : 0;
        int ge = v >= thr ? 1 : 0;
        int goLeft = lt | ((meta >>> FEATURE_BITS) & 1 & (ge ^ 1));
        return (meta >>> (FEATURE_BITS + 1)) + (goLeft ^ 1);
    }

    public double probability(float[] x) {
        return sigmoid(margin(x));
    }

    /**
     * Per-path (Saabas) attribution: along the path of each tree, the change of the cover-weighted mean value
     * from a node to the child the row takes is credited to the node's split feature. {@code contrib} (length
     * {@code numFeatures + 1}) receives the log-odds contributions, its last slot the bias; their sum equals the
     * margin up to rounding. Returns the margin itself, summed like {@link #margin} (bit-identical), so a caller
     * needing both walks the trees once.
     */
    public float pathContributions(float[] x, double[] contrib) {
        Arrays.fill(contrib, 0);
        long[] p = packed;
        double[] mean = packedMean;
        float[] leaf = packedLeaf;
        float margin = baseMargin;
        double bias = baseMargin;
        int t = 0;
        int trees = packedRoots.length;
        // Same branch-free walk as margin(); a leaf loops to itself, so its step credits mean - mean = 0.
        for (; t + 4 <= trees; t += 4) {
            int a = packedRoots[t];
            int b = packedRoots[t + 1];
            int c = packedRoots[t + 2];
            int d = packedRoots[t + 3];
            bias += mean[a] + mean[b] + mean[c] + mean[d];
            int steps = depthOf4[t >>> 2];
            for (int step = 0; step < steps; step++) {
                int na = step(p, a, x);
                int nb = step(p, b, x);
                int nc = step(p, c, x);
                int nd = step(p, d, x);
                contrib[featureOf(p[a])] += mean[na] - mean[a];
                contrib[featureOf(p[b])] += mean[nb] - mean[b];
                contrib[featureOf(p[c])] += mean[nc] - mean[c];
                contrib[featureOf(p[d])] += mean[nd] - mean[d];
                a = na;
                b = nb;
                c = nc;
                d = nd;
            }
            margin += leaf[a]; // tree order, as margin()
            margin += leaf[b];
            margin += leaf[c];
            margin += leaf[d];
        }
        for (; t < trees; t++) {
            int a = packedRoots[t];
            bias += mean[a];
            for (int step = 0; step < treeDepth[t]; step++) {
                int na = step(p, a, x);
                contrib[featureOf(p[a])] += mean[na] - mean[a];
                a = na;
            }
            margin += leaf[a];
        }
        contrib[numFeatures] = bias;
        return margin;
    }

    private static int featureOf(long node) {
        return (int) (node >>> 32) & FEATURE_MASK;
    }

    /**
     * Exact TreeSHAP (Lundberg, Erion, Lee 2018, Algorithm 2) with node covers as the background distribution, as
     * XGBoost's {@code pred_contribs}. {@code contrib} as in {@link #pathContributions}. Roughly 100x the cost of a
     * prediction: offered on request.
     */
    public double shapContributions(float[] x, double[] contrib) {
        Arrays.fill(contrib, 0);
        double bias = baseMargin;
        TreeShap shap = new TreeShap(this, depth + 2);
        for (int root : roots) {
            bias += nodeMean[root];
            shap.explain(root, x, contrib);
        }
        contrib[numFeatures] = bias;
        double sum = 0;
        for (double c : contrib) {
            sum += c;
        }
        return sum;
    }

    /** The margin of a model's probability {@code base_score}, computed as XGBoost does, in float: -log(1/p - 1). */
    public static float baseMargin(float baseScore) {
        return (float) -Math.log(1.0f / baseScore - 1.0f);
    }

    public static double sigmoid(double margin) {
        return 1.0 / (1.0 + Math.exp(-margin));
    }

    private int next(int n, float[] x) {
        float v = x[feature[n]];
        if (v != v) { // NaN: missing
            return defaultLeft[n] ? left[n] : right[n];
        }
        return v < value[n] ? left[n] : right[n];
    }

    private double fillMean(int n) {
        if (feature[n] < 0) {
            nodeMean[n] = value[n];
        } else {
            double l = fillMean(left[n]);
            double r = fillMean(right[n]);
            double c = cover[left[n]] + cover[right[n]];
            nodeMean[n] = c > 0 ? (l * cover[left[n]] + r * cover[right[n]]) / c : (l + r) / 2;
        }
        return nodeMean[n];
    }

    /** The deepest tree of each full block of {@code size} consecutive trees. */
    private static int[] blockDepths(int[] treeDepth, int size) {
        int[] out = new int[treeDepth.length / size];
        for (int t = 0; t < out.length * size; t++) {
            out[t / size] = Math.max(out[t / size], treeDepth[t]);
        }
        return out;
    }

    private int depthOf(int n) {
        return feature[n] < 0 ? 0 : 1 + Math.max(depthOf(left[n]), depthOf(right[n]));
    }

    private static float parseXgbFloat(String s) {
        // XGBoost 2.x/3.x writes e.g. "2.4293102E-2" or, for vector-leaf models, "[2.4293102E-2]".
        String t = s.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return Float.parseFloat(t);
    }

    // Package-private accessors for TreeShap.
    int featureAt(int n) {
        return feature[n];
    }

    float valueAt(int n) {
        return value[n];
    }

    int leftAt(int n) {
        return left[n];
    }

    int rightAt(int n) {
        return right[n];
    }

    double coverAt(int n) {
        return cover[n];
    }

    int hotChild(int n, float[] x) {
        return next(n, x);
    }
}
