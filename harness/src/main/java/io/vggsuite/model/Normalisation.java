package io.vggsuite.model;

/**
 * What, if anything, normalises each convolution's output before its ReLU: an ablation beyond the
 * paper, which could not have used batch normalisation (the two were published the same year).
 */
public enum Normalisation {
    /**
     * The paper's nets: Section 2.1 has no normalisation layer but the LRN of configuration A-LRN
     * (which "does not improve the performance", Section 4.1). Every run before this option existed
     * is one of these, so it is the default and run identities leave it out.
     */
    NONE,

    /**
     * Batch normalisation (Ioffe &amp; Szegedy, 2015) after every convolution and before its ReLU,
     * as torchvision's {@code vgg11_bn} … {@code vgg19_bn} place it. The FC layers of the
     * classifier head stay as the paper has them, as in torchvision.
     *
     * <p>When a batch is split across several devices, each device normalises its own share and
     * the running statistics kept (and checkpointed) are the first device's, as with PyTorch's
     * {@code DataParallel}: DJL synchronises only the trained parameters across devices.
     */
    BATCH_NORM;

    /**
     * How names append it: "" for {@link #NONE}, so the paper's nets keep their names, and "BN"
     * for {@link #BATCH_NORM}, as in "D-BN".
     */
    public String label() {
        return this == BATCH_NORM ? "BN" : "";
    }
}
