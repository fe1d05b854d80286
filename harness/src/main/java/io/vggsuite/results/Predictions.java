package io.vggsuite.results;

/**
 * Per test image: the true label and the softmax output, kept so that runs can be fused
 * (Table 6) and compared image by image (McNemar's test).
 */
public record Predictions(int[] labels, float[][] probabilities) {

    public Predictions {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(
                    labels.length + " labels but " + probabilities.length + " rows of probabilities");
        }
        int classes = probabilities.length == 0 ? 0 : probabilities[0].length;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i].length != classes) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + probabilities[i].length + " classes, row 0 has " + classes);
            }
        }
    }

    public int images() {
        return labels.length;
    }

    public int classes() {
        return probabilities.length == 0 ? 0 : probabilities[0].length;
    }
}
