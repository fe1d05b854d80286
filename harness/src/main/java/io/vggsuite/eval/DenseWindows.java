package io.vggsuite.eval;

import io.vggsuite.model.VggConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where dense evaluation's windows sit along one side of a rescaled test image (Section 3.2).
 *
 * <p>The paper applies the fully-convolutional net to the whole image: each cell of the class
 * score map is the net on a 224 window, neighbouring cells 32 pixels apart (the net's total
 * stride), so the windows step by 1/7 of their size and the map covers the image. At a crop of
 * 32 the total stride equals the crop: one pass gives non-overlapping tiles, and whatever is left
 * over at the borders (a side that is not a multiple of 32) is never seen.
 *
 * <p>So the suite runs the fully-convolutional net at several pixel offsets (OverFeat's
 * shift-and-stitch): a pass starting at offset o gives windows at o, o + 32, o + 64, … as long as
 * they fit. The offsets are round(j·32/m) for j = 0 … m−1 with m = ⌈32·7/crop⌉, so that
 * consecutive windows step by about crop/7, as the paper's do (crop 32: m = 7, steps of 4 or 5
 * pixels); one more offset, (side − crop) mod 32, puts a window flush with the far border. Together the windows reach every pixel. At the
 * paper's own geometry (crop 224, a side that is a multiple of 32) that is the single offset 0:
 * the plain fully-convolutional pass.
 */
public final class DenseWindows {

    /** The paper's window-to-step ratio: 224-pixel windows 32 pixels apart (Section 3.2). */
    public static final int PAPER_WINDOWS_PER_CROP = 7;

    private DenseWindows() {}

    /**
     * Start offsets (in [0, 32)) of the fully-convolutional passes along a side of {@code side}
     * pixels for windows of {@code crop}, ascending.
     */
    public static List<Integer> offsets(int side, int crop) {
        if (crop < 1 || side < crop) {
            throw new IllegalArgumentException("dense evaluation needs a side of at least the crop " + crop
                    + " pixels, got " + side);
        }
        int stride = VggConfig.TOTAL_STRIDE;
        // The wanted step is crop/7; a pass already steps by the total stride, so ⌈stride / (crop/7)⌉
        // evenly spaced offsets within one stride give it.
        int passes = (int) Math.ceil((double) stride * PAPER_WINDOWS_PER_CROP / crop);
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int j = 0; j < passes; j++) {
            int offset = (int) Math.round((double) j * stride / passes);
            if (offset <= side - crop) {
                offsets.add(offset);
            }
        }
        offsets.add((side - crop) % stride);
        return List.copyOf(offsets);
    }

    /** Windows of the pass starting at {@code offset}: how many fit from there. */
    public static int windowsFrom(int offset, int side, int crop) {
        return (side - crop - offset) / VggConfig.TOTAL_STRIDE + 1;
    }

    /** Pixels of the side the pass starting at {@code offset} reads: its windows and nothing more. */
    public static int extent(int offset, int side, int crop) {
        return crop + (windowsFrom(offset, side, crop) - 1) * VggConfig.TOTAL_STRIDE;
    }

    /**
     * Pixels of the side read by all passes together: the work of dense evaluation on an h×w image
     * is {@code inputPixels(h)·inputPixels(w)} pixels (every offset pair is one pass), against
     * crop² per crop of multi-crop.
     */
    public static long inputPixels(int side, int crop) {
        return offsets(side, crop).stream().mapToLong(offset -> extent(offset, side, crop)).sum();
    }

    /** Every window start along the side, ascending: the union of all passes' windows. */
    public static List<Integer> windowStarts(int side, int crop) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (int offset : offsets(side, crop)) {
            for (int k = 0; k < windowsFrom(offset, side, crop); k++) {
                starts.add(offset + k * VggConfig.TOTAL_STRIDE);
            }
        }
        return new ArrayList<>(starts);
    }
}
