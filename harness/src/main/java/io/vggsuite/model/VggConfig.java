package io.vggsuite.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Table 1 of the paper, one constant per column, in the paper's own notation. Every configuration
 * ends in the same head: FC-4096, FC-4096, FC-classes (Section 2.1).
 *
 * <p>{@link #B_5X5} is not in Table 1: it is the shallow control of Section 4.1, "replacing each
 * pair of 3×3 conv. layers with a single 5×5 conv. layer" in B.
 */
public enum VggConfig {
    A("A", "conv3-64 maxpool conv3-128 maxpool conv3-256 conv3-256 maxpool"
            + " conv3-512 conv3-512 maxpool conv3-512 conv3-512 maxpool"),
    A_LRN("A-LRN", "conv3-64 LRN maxpool conv3-128 maxpool conv3-256 conv3-256 maxpool"
            + " conv3-512 conv3-512 maxpool conv3-512 conv3-512 maxpool"),
    B("B", "conv3-64 conv3-64 maxpool conv3-128 conv3-128 maxpool conv3-256 conv3-256 maxpool"
            + " conv3-512 conv3-512 maxpool conv3-512 conv3-512 maxpool"),
    C("C", "conv3-64 conv3-64 maxpool conv3-128 conv3-128 maxpool"
            + " conv3-256 conv3-256 conv1-256 maxpool conv3-512 conv3-512 conv1-512 maxpool"
            + " conv3-512 conv3-512 conv1-512 maxpool"),
    D("D", "conv3-64 conv3-64 maxpool conv3-128 conv3-128 maxpool"
            + " conv3-256 conv3-256 conv3-256 maxpool conv3-512 conv3-512 conv3-512 maxpool"
            + " conv3-512 conv3-512 conv3-512 maxpool"),
    E("E", "conv3-64 conv3-64 maxpool conv3-128 conv3-128 maxpool"
            + " conv3-256 conv3-256 conv3-256 conv3-256 maxpool"
            + " conv3-512 conv3-512 conv3-512 conv3-512 maxpool"
            + " conv3-512 conv3-512 conv3-512 conv3-512 maxpool"),
    B_5X5("B-5×5", "conv5-64 maxpool conv5-128 maxpool conv5-256 maxpool conv5-512 maxpool"
            + " conv5-512 maxpool");

    /** The fully connected layers every configuration ends with (fc6, fc7, fc8). */
    public static final int FC_LAYERS = 3;

    /** Five max-pools of stride 2: the feature map is the input divided by 32. */
    public static final int TOTAL_STRIDE = 32;

    private final String paperName;
    private final List<Layer> layers;

    VggConfig(String paperName, String notation) {
        this.paperName = paperName;
        this.layers = Arrays.stream(notation.split(" ")).map(Layer::parse).toList();
    }

    /** The name as the paper prints it: "A-LRN", "B-5×5". */
    public String paperName() {
        return paperName;
    }

    /** The convolutional part, top to bottom as in Table 1. */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Looks a configuration up by the paper's name or the constant's name, case-insensitively
     * ("a-lrn", "A_LRN", "b-5x5").
     */
    public static VggConfig fromName(String name) {
        String wanted = normalise(name);
        for (VggConfig config : values()) {
            if (normalise(config.paperName).equals(wanted) || normalise(config.name()).equals(wanted)) {
                return config;
            }
        }
        throw new IllegalArgumentException("unknown VGG configuration '" + name + "': expected one of "
                + Arrays.stream(values()).map(VggConfig::paperName).collect(Collectors.joining(", ")));
    }

    private static String normalise(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace('×', 'X');
    }
}
