package io.vggsuite.results;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a test image is scored (Section 3.2 and Table 5); the id is what the CSV files hold. */
public enum EvalMethod {
    /** One central crop of the training size: used for B versus B-5×5 (Section 4.1). */
    CENTRE_CROP("centre-crop"),
    /** The fully convolutional net over the whole rescaled image, score map averaged (Section 3.2). */
    DENSE("dense"),
    /** 50 crops per scale (5×5 grid, two flips; Section 3.2). */
    MULTI_CROP("multi-crop"),
    /** The average of the dense and multi-crop softmax outputs (Table 5, last rows). */
    DENSE_AND_MULTI_CROP("dense+multi-crop");

    private final String id;

    EvalMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
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
