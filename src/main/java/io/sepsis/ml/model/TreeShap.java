package io.sepsis.ml.model;

/**
 * Exact TreeSHAP for one tree at a time (Lundberg SM, Erion GG, Lee S-I, "Consistent individualized feature
 * attribution for tree ensembles", 2018, Algorithm 2), written after XGBoost's {@code RegTree::TreeShap}: node
 * covers (sum of hessians) weight the paths not taken. One instance per call; not thread-safe.
 */
final class TreeShap {
    private final TreeEnsemble m;
    private final int[] feat;
    private final double[] zero;
    private final double[] one;
    private final double[] pweight;

    TreeShap(TreeEnsemble m, int maxDepth) {
        this.m = m;
        int size = (maxDepth + 2) * (maxDepth + 3) / 2 + maxDepth + 2;
        feat = new int[size];
        zero = new double[size];
        one = new double[size];
        pweight = new double[size];
    }

    void explain(int root, float[] x, double[] phi) {
        recurse(root, x, phi, 0, 0, 1, 1, -1);
    }

    private void recurse(int node, float[] x, double[] phi, int parentOffset, int depth, double parentZero,
                         double parentOne, int parentFeature) {
        int p = parentOffset + depth + 1;
        System.arraycopy(feat, parentOffset, feat, p, depth + 1);
        System.arraycopy(zero, parentOffset, zero, p, depth + 1);
        System.arraycopy(one, parentOffset, one, p, depth + 1);
        System.arraycopy(pweight, parentOffset, pweight, p, depth + 1);
        extend(p, depth, parentZero, parentOne, parentFeature);

        int split = m.featureAt(node);
        if (split < 0) {
            double leaf = m.valueAt(node);
            for (int i = 1; i <= depth; i++) {
                double w = unwoundSum(p, depth, i);
                phi[feat[p + i]] += w * (one[p + i] - zero[p + i]) * leaf;
            }
            return;
        }
        int hot = m.hotChild(node, x);
        int cold = hot == m.leftAt(node) ? m.rightAt(node) : m.leftAt(node);
        double w = m.coverAt(node);
        double hotZero = m.coverAt(hot) / w;
        double coldZero = m.coverAt(cold) / w;
        double incomingZero = 1;
        double incomingOne = 1;
        int pathIndex = 0;
        for (; pathIndex <= depth; pathIndex++) {
            if (feat[p + pathIndex] == split) {
                break;
            }
        }
        int d = depth;
        if (pathIndex != depth + 1) {
            incomingZero = zero[p + pathIndex];
            incomingOne = one[p + pathIndex];
            unwind(p, d, pathIndex);
            d--;
        }
        recurse(hot, x, phi, p, d + 1, hotZero * incomingZero, incomingOne, split);
        recurse(cold, x, phi, p, d + 1, coldZero * incomingZero, 0, split);
    }

    private void extend(int p, int depth, double zeroFraction, double oneFraction, int feature) {
        feat[p + depth] = feature;
        zero[p + depth] = zeroFraction;
        one[p + depth] = oneFraction;
        pweight[p + depth] = depth == 0 ? 1 : 0;
        for (int i = depth - 1; i >= 0; i--) {
            pweight[p + i + 1] += oneFraction * pweight[p + i] * (i + 1) / (depth + 1);
            pweight[p + i] = zeroFraction * pweight[p + i] * (depth - i) / (depth + 1);
        }
    }

    private void unwind(int p, int depth, int pathIndex) {
        double oneFraction = one[p + pathIndex];
        double zeroFraction = zero[p + pathIndex];
        double nextOnePortion = pweight[p + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double tmp = pweight[p + i];
                pweight[p + i] = nextOnePortion * (depth + 1) / ((i + 1) * oneFraction);
                nextOnePortion = tmp - pweight[p + i] * zeroFraction * (depth - i) / (depth + 1);
            } else {
                pweight[p + i] = pweight[p + i] * (depth + 1) / (zeroFraction * (depth - i));
            }
        }
        for (int i = pathIndex; i < depth; i++) {
            feat[p + i] = feat[p + i + 1];
            zero[p + i] = zero[p + i + 1];
            one[p + i] = one[p + i + 1];
        }
    }

    private double unwoundSum(int p, int depth, int pathIndex) {
        double oneFraction = one[p + pathIndex];
        double zeroFraction = zero[p + pathIndex];
        double nextOnePortion = pweight[p + depth];
        double total = 0;
        for (int i = depth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double tmp = nextOnePortion * (depth + 1) / ((i + 1) * oneFraction);
                total += tmp;
                nextOnePortion = pweight[p + i] - tmp * zeroFraction * ((depth - i) / (double) (depth + 1));
            } else if (zeroFraction != 0) {
                total += (pweight[p + i] / zeroFraction) / ((depth - i) / (double) (depth + 1));
            }
        }
        return total;
    }
}
