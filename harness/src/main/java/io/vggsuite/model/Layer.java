package io.vggsuite.model;

/** One entry of a Table 1 column, parsed from the paper's notation. */
public sealed interface Layer {

    /** {@code conv<kernel>-<filters>}: a stride-1 convolution with size-preserving padding, then ReLU. */
    record Conv(int kernel, int filters) implements Layer {
        public Conv {
            if (kernel < 1 || kernel % 2 == 0) {
                throw new IllegalArgumentException("conv kernel must be odd and positive, got " + kernel);
            }
            if (filters < 1) {
                throw new IllegalArgumentException("conv filters must be positive, got " + filters);
            }
        }

        /** Keeps the spatial size (Section 2.1: "the padding is 1 pixel for 3×3 conv. layers"). */
        public int padding() {
            return kernel / 2;
        }
    }

    /** {@code LRN}: local response normalisation (Krizhevsky et al., 2012). */
    record Lrn() implements Layer {}

    /** {@code maxpool}: 2×2 max-pooling with stride 2 (Section 2.1). */
    record MaxPool() implements Layer {}

    /**
     * Parses one token of the paper's notation: {@code conv3-64}, {@code conv1-256}, {@code LRN},
     * {@code maxpool}.
     */
    static Layer parse(String token) {
        if (token.equals("maxpool")) {
            return new MaxPool();
        }
        if (token.equals("LRN")) {
            return new Lrn();
        }
        if (token.startsWith("conv")) {
            int dash = token.indexOf('-');
            if (dash > 4) {
                try {
                    return new Conv(
                            Integer.parseInt(token.substring(4, dash)),
                            Integer.parseInt(token.substring(dash + 1)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown layer '" + token + "': expected conv<kernel>-<filters>, LRN or maxpool");
    }
}
