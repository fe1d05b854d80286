package io.vggsuite.eval;

import io.vggsuite.results.EvalMethod;
import java.util.List;
import java.util.Objects;

/**
 * How a trained net is applied to a test image (Section 3.2), at one or several test scales Q.
 * Over several scales the soft-max posteriors are averaged (Section 4.2).
 */
public sealed interface Protocol {

    /** Crop-sized views per forward pass; larger inputs get proportionally fewer images. */
    int VIEWS_PER_PASS = 256;

    /** Test scales (smallest image side) in pixels of the suite's own data. */
    List<Integer> scales();

    EvalMethod method();

    /**
     * Test images per forward pass for a net trained on {@code crop}-pixel crops, holding the work
     * of a pass near {@link #VIEWS_PER_PASS} crops whatever views the protocol sends.
     */
    int imagesPerPass(int crop);

    /** Rescale to Q, take the central crop: the single-crop evaluation of Section 4.1's B-5×5 note. */
    record CentreCrop(List<Integer> scales) implements Protocol {
        public CentreCrop {
            scales = checked(scales);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.CENTRE_CROP;
        }

        /** One crop per image: a full pass. */
        @Override
        public int imagesPerPass(int crop) {
            return VIEWS_PER_PASS;
        }
    }

    /**
     * The FC layers as convolutions over the whole rescaled image; "the class score map is
     * spatially averaged … the soft-max class posteriors of the original and flipped images are
     * averaged" (Section 3.2). {@code flip} false is only for the exactness test; {@code padding}
     * says what fills each window's borders: the paper's neighbours, or zeros where a budget's
     * crop makes the paper's form score another function ({@link DensePadding}).
     */
    record Dense(List<Integer> scales, boolean flip, DensePadding padding) implements Protocol {
        public Dense {
            scales = checked(scales);
            Objects.requireNonNull(padding, "padding");
        }

        /** The paper's: one pass, windows padded by their neighbours, and the mirror image. */
        public Dense(List<Integer> scales) {
            this(scales, true, DensePadding.NEIGHBOURS);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.DENSE;
        }

        /**
         * The paper's one pass: a square image at the largest Q, in crops' worth of pixels, since its
         * pass holds the first layers' activations at the image's size, as a crop's do at the crop's.
         * Windows alone: the windows of a square image at the largest Q, each a crop.
         */
        @Override
        public int imagesPerPass(int crop) {
            long side = scales.stream().mapToInt(Integer::intValue).max().orElse(crop);
            if (padding == DensePadding.ZEROS) {
                long perSide = DenseWindows.windowStarts((int) Math.max(side, crop), crop).size();
                return (int) Math.max(1, VIEWS_PER_PASS / (perSide * perSide));
            }
            return (int) Math.max(1, (long) VIEWS_PER_PASS * crop * crop / (side * side));
        }
    }

    /** 5×5 regular grid of crops with their flips: 50 crops per scale (Section 4.3). */
    record MultiCrop(List<Integer> scales) implements Protocol {
        /** Grid crops per side. */
        public static final int GRID = 5;
        /** Views per image and scale: the grid and its horizontal flips. */
        public static final int VIEWS_PER_SCALE = GRID * GRID * 2;

        public MultiCrop {
            scales = checked(scales);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.MULTI_CROP;
        }

        /** {@link #VIEWS_PER_SCALE} crops per image. */
        @Override
        public int imagesPerPass(int crop) {
            return Math.max(1, VIEWS_PER_PASS / VIEWS_PER_SCALE);
        }
    }

    /** "the average of their soft-max outputs" of dense and multi-crop (Section 4.3, Table 5). */
    record DenseAndMultiCrop(List<Integer> scales, DensePadding padding) implements Protocol {
        public DenseAndMultiCrop {
            scales = checked(scales);
            Objects.requireNonNull(padding, "padding");
        }

        /** With the paper's dense evaluation. */
        public DenseAndMultiCrop(List<Integer> scales) {
            this(scales, DensePadding.NEIGHBOURS);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.DENSE_AND_MULTI_CROP;
        }

        /** Its two parts, whose posteriors are averaged. */
        public List<Protocol> parts() {
            return List.of(new Dense(scales, true, padding), new MultiCrop(scales));
        }

        /** The smaller of its two parts', since one evaluator runs both. */
        @Override
        public int imagesPerPass(int crop) {
            return parts().stream().mapToInt(part -> part.imagesPerPass(crop)).min().orElseThrow();
        }
    }

    /** The protocol of {@code method} at {@code scales}, dense windows padded as {@code padding} says. */
    static Protocol of(EvalMethod method, List<Integer> scales, DensePadding padding) {
        switch (method) {
            case CENTRE_CROP:
                return new CentreCrop(scales);
            case DENSE:
                return new Dense(scales, true, padding);
            case MULTI_CROP:
                return new MultiCrop(scales);
            case DENSE_AND_MULTI_CROP:
                return new DenseAndMultiCrop(scales, padding);
            default:
                throw new IllegalArgumentException("no protocol for " + method);
        }
    }

    private static List<Integer> checked(List<Integer> scales) {
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("a protocol needs at least one test scale");
        }
        for (int q : scales) {
            if (q < 1) {
                throw new IllegalArgumentException("test scale Q must be positive, got " + q);
            }
        }
        return List.copyOf(scales);
    }
}
