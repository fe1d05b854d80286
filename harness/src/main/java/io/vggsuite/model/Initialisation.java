package io.vggsuite.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * How a net's weights start (Section 3.1). Biases always start at zero, as in the paper. The
 * paper's third option, warm-starting a deeper net from a trained net A, copies trained weights
 * and so lives with the trainer.
 */
public enum Initialisation {
    /**
     * "we sampled the weights from a normal distribution with the zero mean and 10⁻² variance". Read
     * literally that is a standard deviation of 0.1, but with the paper's mean-subtracted 0–255
     * inputs it makes net A diverge in its first epoch (measured here at widths 1/8 and 1, see
     * the README), whereas the paper trained A from it. A standard deviation of 10⁻² is the
     * reading that agrees with the paper's own result, and the one we use.
     */
    PAPER_NORMAL(new NormalInitializer(0.01f)),

    /**
     * "it is possible to initialise the weights without pre-training by using the random
     * initialisation procedure of Glorot &amp; Bengio (2010)": uniform on ±sqrt(6 / (fanIn + fanOut)).
     */
    GLOROT(new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f));

    private final Initializer weights;

    Initialisation(Initializer weights) {
        this.weights = weights;
    }

    /** Sets the initialisers; they take effect when the block is next initialised. */
    public void applyTo(Block block) {
        block.setInitializer(weights, Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }
}
