package io.vggsuite.results;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a test image is scored (Section 3.2 and Table 5): the one declaration of an evaluation
 * method, from which the CSV files' id, the report's wording and the averaging of a combined
 * method all come. How each is computed is {@code eval/Protocol}'s, one record per method.
 */
public enum EvalMethod {
    /** One central crop of the training size: used for B versus B-5×5 (Section 4.1). */
    CENTRE_CROP("centre-crop", "centre crop"),
    /** The fully convolutional net over the whole rescaled image, score map averaged (Section 3.2). */
    DENSE("dense", "dense"),
    /** 50 crops per scale (5×5 grid, two flips; Section 3.2). */
    MULTI_CROP("multi-crop", "multi-crop"),
    /** The average of the dense and multi-crop softmax outputs (Table 5, last rows). */
    DENSE_AND_MULTI_CROP("dense+multi-crop", "multi-crop & dense");

    private final String id;
    private final String label;

    EvalMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** What {@code final.csv}, {@code fusion.csv} and predictions' file names hold. */
    public String id() {
        return id;
    }

    /** The paper's wording (Tables 5 and 6), as the report prints it. */
    public String label() {
        return label;
    }

    /**
     * The methods whose soft-max posteriors this one averages, "the average of their soft-max
     * outputs" (Section 4.3); empty for a method the net computes itself.
     */
    public List<EvalMethod> averaged() {
        return this == DENSE_AND_MULTI_CROP ? List.of(DENSE, MULTI_CROP) : List.of();
    }

    public static EvalMethod fromId(String id) {
        for (EvalMethod method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown evaluation method '" + id + "': expected one of "
                + Arrays.stream(values()).map(EvalMethod::id).collect(Collectors.joining(", ")));
    }
}
