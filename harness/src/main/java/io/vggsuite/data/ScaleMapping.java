package io.vggsuite.data;

import java.util.Optional;

/**
 * The one place where the paper's sizes, all stated for 224×224 crops, become sizes for another
 * crop c: a paper size x maps to round(x·c/224), keeping the ratio S/224, and never below c since a
 * crop must fit in the rescaled image. For c = 32: S = 256 → 37, 384 → 55, [256;512] → [37;73]; the
 * test scales Q of Table 4 (Q = S−32, S, S+32) → 32, 37, 41 around 256 and 50, 55, 59 around 384.
 */
public final class ScaleMapping {

    /** The crop all of the paper's sizes refer to (Section 2.1). */
    public static final int PAPER_CROP = 224;

    /** Table 4: for a fixed S, test at Q = {S − 32, S, S + 32}. */
    public static final int PAPER_Q_STEP = 32;

    private final int crop;

    private ScaleMapping(int crop) {
        this.crop = crop;
    }

    public static ScaleMapping forCrop(int crop) {
        if (crop < 1) {
            throw new IllegalArgumentException("crop must be positive, got " + crop);
        }
        return new ScaleMapping(crop);
    }

    public int crop() {
        return crop;
    }

    /** A paper size (for 224 crops) at this crop. */
    public int map(int paperSize) {
        if (paperSize < 1) {
            throw new IllegalArgumentException("paper size must be positive, got " + paperSize);
        }
        return Math.max(crop, (int) Math.round((double) paperSize * crop / PAPER_CROP));
    }

    /**
     * A paper training scale at this crop, remembering the paper's values for labels. A scale that
     * was already mapped is mapped again from its paper values, so mapping twice changes nothing.
     */
    public TrainScale map(TrainScale paperScale) {
        TrainScale paper = paperScale.paperValues();
        return new TrainScale(map(paper.min()), map(paper.max()), Optional.of(paper));
    }

    /**
     * Test scales of multi-scale evaluation (Section 4.2, Table 4), mapped: {S−32, S, S+32} for a
     * fixed S, {Smin, ½(Smin+Smax), Smax} for a jittered one. Takes the paper's scale (or one mapped
     * from it).
     */
    public int[] multiScaleQ(TrainScale paperScale) {
        return paperScale.paperValues().multiTestScales().stream().mapToInt(this::map).toArray();
    }

    /** Test scale of single-scale evaluation (Section 4.1, Table 3), mapped: Q = S, or ½(Smin+Smax). */
    public int singleScaleQ(TrainScale paperScale) {
        return map(paperScale.paperValues().singleTestScale());
    }
}
