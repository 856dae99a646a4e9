package io.sepsis.ml.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sepsis.ml.model.TreeEnsemble;

import java.io.IOException;
import java.util.List;

/**
 * Writes boosters whose margins are added with weights as one XGBoost JSON model: each booster's leaf values are
 * scaled by its weight, the trees are concatenated, and the base score becomes the weighted sum of the boosters'
 * base margins. The result is an ordinary {@code binary:logistic} gbtree model that xgboost4j loads and that the
 * service's pure-Java evaluator, attribution and TreeSHAP read without knowing it was stacked.
 *
 * <p>With weights that are powers of two the scaled leaves are exact; only the base score passes through one
 * float rounding, the same one XGBoost applies to any base score.
 */
final class StackedModelJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] merge(List<byte[]> models, float[] weights) throws IOException {
        if (models.size() != weights.length || models.isEmpty()) {
            throw new IllegalArgumentException(models.size() + " models, " + weights.length + " weights");
        }
        ObjectNode out = (ObjectNode) JSON.readTree(models.get(0));
        ObjectNode model = (ObjectNode) out.path("learner").path("gradient_booster").path("model");
        ArrayNode trees = JSON.createArrayNode();
        double baseMargin = 0;
        for (int m = 0; m < models.size(); m++) {
            JsonNode learner = JSON.readTree(models.get(m)).path("learner");
            String objective = learner.path("objective").path("name").asText();
            if (!objective.equals("binary:logistic")) {
                throw new IOException("model " + m + " has objective " + objective);
            }
            float p = Float.parseFloat(learner.path("learner_model_param").path("base_score").asText());
            baseMargin += weights[m] * TreeEnsemble.baseMargin(p);
            for (JsonNode t : learner.path("gradient_booster").path("model").path("trees")) {
                ObjectNode tree = (ObjectNode) t.deepCopy();
                scale((ArrayNode) tree.path("split_conditions"), tree.path("left_children"), weights[m], true);
                scale((ArrayNode) tree.path("base_weights"), tree.path("left_children"), weights[m], false);
                tree.put("id", trees.size());
                trees.add(tree);
            }
        }
        model.set("trees", trees);
        ArrayNode info = JSON.createArrayNode();
        ArrayNode indptr = JSON.createArrayNode();
        for (int i = 0; i < trees.size(); i++) {
            info.add(0);
            indptr.add(i);
        }
        indptr.add(trees.size());
        model.set("tree_info", info);
        model.set("iteration_indptr", indptr);
        ((ObjectNode) model.path("gbtree_model_param")).put("num_trees", String.valueOf(trees.size()));
        float base = (float) TreeEnsemble.sigmoid(baseMargin);
        ((ObjectNode) out.path("learner").path("learner_model_param")).put("base_score", Float.toString(base));
        return JSON.writeValueAsBytes(out);
    }

    /** Scales the leaf values ({@code leavesOnly}: split conditions of leaves) or every node weight. */
    private static void scale(ArrayNode values, JsonNode left, float w, boolean leavesOnly) {
        for (int i = 0; i < values.size(); i++) {
            if (!leavesOnly || left.get(i).asInt() == -1) {
                values.set(i, JSON.getNodeFactory().numberNode((float) values.get(i).asDouble() * w));
            }
        }
    }

    private StackedModelJson() {
    }
}
