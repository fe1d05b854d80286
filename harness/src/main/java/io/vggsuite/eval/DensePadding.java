package io.vggsuite.eval;

import io.vggsuite.results.ProvenanceKeys;

/**
 * What fills the borders of a dense-evaluation window inside the net (Section 3.2).
 *
 * <p>The paper applies the fully-convolutional net to the whole image, so each window's layers are
 * padded by "the neighbouring parts of an image" where training padded its crops with zeros. At
 * the paper's crop of 224 that is a change at the edges of 14×14 maps in the last convolutional
 * stage. At a crop of 32 that stage is 2×2 per window: every position of it is on the border, and
 * 5 of the 9 taps of each of its 3×3 filters read what was zero padding in training. The one pass
 * then scores a function the net never learned once the image is larger than the window:
 * measured on C fine-tuned at S = 384 (cifar10-converged, seed 1, all 10,000 test images, Q = 55,
 * with the mirror image, 2026-12-07), 51.75% top-1 error by one pass against 30.42% with the same
 * 6×6 windows each run alone and 37.02% for the centre crop; at Q = 37 (2×2 windows, 5 pixels of
 * neighbours) 26.29% against 24.17% (C at S = 256). docs/budgets.md, "Dense evaluation at a crop
 * of 32"; {@code benchmarks.DensePaddingCheck} measures a trained run.
 */
public enum DensePadding {

    /** The paper's: one fully-convolutional pass over the whole image ({@code VggNet.fineScoreMap}). */
    NEIGHBOURS(ProvenanceKeys.DENSE_ONE_PASS),
    /**
     * Each window cut from the image and run alone, its borders zero-padded as the training crops'
     * were: the windows of {@link DenseWindows}, their class scores averaged as the paper's map is.
     */
    ZEROS(ProvenanceKeys.DENSE_WINDOWS_ALONE);

    private final String provenance;

    DensePadding(String provenance) {
        this.provenance = provenance;
    }

    /** The value of {@link ProvenanceKeys#DENSE_EVALUATION} for posteriors computed this way. */
    public String provenance() {
        return provenance;
    }
}
