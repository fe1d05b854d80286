package io.vggsuite.eval;

import io.vggsuite.results.EvalMethod;
import java.util.List;

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
     * averaged" (Section 3.2). {@code flip} false is only for the exactness test.
     */
    record Dense(List<Integer> scales, boolean flip) implements Protocol {
        public Dense {
            scales = checked(scales);
        }

        public Dense(List<Integer> scales) {
            this(scales, true);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.DENSE;
        }

        /**
         * A square image at the largest Q, in crops' worth of pixels: its one pass holds the first
         * layers' activations at the image's size, as a crop's do at the crop's.
         */
        @Override
        public int imagesPerPass(int crop) {
            long side = scales.stream().mapToInt(Integer::intValue).max().orElse(crop);
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
    record DenseAndMultiCrop(List<Integer> scales) implements Protocol {
        public DenseAndMultiCrop {
            scales = checked(scales);
        }

        @Override
        public EvalMethod method() {
            return EvalMethod.DENSE_AND_MULTI_CROP;
        }

        /** The smaller of its two parts', since one evaluator runs both. */
        @Override
        public int imagesPerPass(int crop) {
            return Math.min(new Dense(scales).imagesPerPass(crop), new MultiCrop(scales).imagesPerPass(crop));
        }
    }

    /** The protocol of {@code method} at {@code scales}. */
    static Protocol of(EvalMethod method, List<Integer> scales) {
        switch (method) {
            case CENTRE_CROP:
                return new CentreCrop(scales);
            case DENSE:
                return new Dense(scales);
            case MULTI_CROP:
                return new MultiCrop(scales);
            case DENSE_AND_MULTI_CROP:
                return new DenseAndMultiCrop(scales);
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
