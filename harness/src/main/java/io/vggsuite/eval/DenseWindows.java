package io.vggsuite.eval;

import io.vggsuite.model.VggConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Where dense evaluation's windows sit along one side of a rescaled test image (Section 3.2).
 *
 * <p>The paper applies the fully-convolutional net to the whole image: each cell of the class
 * score map is the net on a 224 window, neighbouring cells 32 pixels apart (the net's total
 * stride), so the windows step by 1/7 of their size, and a window's borders are padded by "the
 * neighbouring parts of an image" rather than by zeros. At a crop of 32 the total stride equals the
 * crop: one plain pass would give non-overlapping tiles.
 *
 * <p>So the suite makes the last few max-pools stride-less and dilates what follows (filter
 * rarefaction, as in Long et al.'s FCN; {@code VggNet.fineScoreMap}): the map's cells step by
 * 32 / 2^r pixels, r the fewest stride-less pools that bring the step to at most crop/7, the
 * paper's ratio (crop 32: r = 3, a step of 4 pixels; crop 224: r = 0, the paper's own single pass).
 * One pass over the whole image gives every window at 0, step, 2·step, … that fits. The last
 * window ends fewer than step pixels short of the far border; those pixels still reach it, and its
 * neighbours, as their padding.
 */
public final class DenseWindows {

    /** The paper's window-to-step ratio: 224-pixel windows 32 pixels apart (Section 3.2). */
    public static final int PAPER_WINDOWS_PER_CROP = 7;

    private DenseWindows() {}

    /**
     * How many of the net's last max-pools lose their stride for windows of {@code crop}: the fewest
     * for which the step 32 / 2^r is at most crop / 7.
     */
    public static int stridelessPools(int crop) {
        if (crop < VggConfig.TOTAL_STRIDE) {
            throw new IllegalArgumentException("dense evaluation needs a crop of at least " + VggConfig.TOTAL_STRIDE
                    + " pixels, got " + crop);
        }
        int pools = 0;
        while ((VggConfig.TOTAL_STRIDE >> pools) * PAPER_WINDOWS_PER_CROP > crop) {
            pools++;
        }
        return pools;
    }

    /** Pixels between neighbouring windows: the fine score map's output stride. */
    public static int step(int crop) {
        return VggConfig.TOTAL_STRIDE >> stridelessPools(crop);
    }

    /** Every window start along a side of {@code side} pixels, ascending: 0, step, … while the window fits. */
    public static List<Integer> windowStarts(int side, int crop) {
        if (side < crop) {
            throw new IllegalArgumentException("dense evaluation needs a side of at least the crop " + crop
                    + " pixels, got " + side);
        }
        int step = step(crop);
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + crop <= side; start += step) {
            starts.add(start);
        }
        return List.copyOf(starts);
    }
}
