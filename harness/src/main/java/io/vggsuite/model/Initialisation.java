package io.vggsuite.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.List;

/**
 * How a net's weights start (Section 3.1). Biases always start at zero, as in the paper. The
 * paper's third option, warm-starting a deeper net from a trained net A, copies trained weights
 * and so lives with the trainer.
 *
 * <p>Only weight layers are drawn. The batch normalisation of {@link Normalisation#BATCH_NORM}
 * keeps its own start, scale 1 and shift 0 (running mean 0, variance 1), as torchvision's
 * {@code vgg*_bn}: so each normalised layer starts as the identity on standardised outputs.
 */
public enum Initialisation {
    /**
     * "we sampled the weights from a normal distribution with the zero mean and 10⁻² variance",
     * mapped to the net's scale the way {@code ScaleMapping} maps sizes: each weight layer keeps
     * the gain σ·√fan-in that σ = 0.01 gives the same layer of the paper's net (full width, 224
     * crops, RGB), so {@code σ = 0.01·√(paperFanIn / fanIn)} (see {@link #paperNormalSigmas}). At
     * the paper's own scale that is σ = 0.01 on every layer.
     *
     * <p>Why a standard deviation of 10⁻² and not the literal variance: read as σ = 0.1, net A
     * diverges in its first epoch with the paper's mean-subtracted 0–255 inputs (measured here at
     * widths 1/8 and 1, see docs/departures.md), whereas the paper trained A from it.
     *
     * <p>Why mapped: the unmapped σ = 0.01 shrinks every layer's gain where fan-ins shrink (width
     * 1/4 and crop 32: fc6 has 128 inputs instead of 25,088, every 3×3 conv 4× fewer); measured on
     * the quick budget before this mapping, net A stayed at chance (89.6% top-1 error, loss 2.3026
     * = ln 10), so the paper's premise (A trains from it, deeper nets do not) was untestable.
     */
    PAPER_NORMAL,

    /**
     * "it is possible to initialise the weights without pre-training by using the random
     * initialisation procedure of Glorot &amp; Bengio (2010)": uniform on ±sqrt(6 / (fanIn + fanOut)).
     */
    GLOROT;

    /** How run ids, reports and the command line name it: "paper-normal", "glorot". */
    public String label() {
        return this == GLOROT ? "glorot" : "paper-normal";
    }

    /**
     * The initialisation {@link #label()} names.
     *
     * @throws IllegalArgumentException naming the label and the known ones
     */
    public static Initialisation fromLabel(String label) {
        for (Initialisation init : values()) {
            if (init.label().equals(label)) {
                return init;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + label + "', expected glorot or paper-normal");
    }

    /** The paper's σ (Section 3.1, read as a standard deviation; see {@link #PAPER_NORMAL}). */
    public static final double PAPER_SIGMA = 0.01;

    /** The paper's input: RGB images (Section 2.1). */
    static final int PAPER_INPUT_CHANNELS = 3;

    /**
     * The name run identities use. The paper's initialisation changed meaning when it was mapped
     * to the net's scale, so its name changed too: a cached run from the unmapped σ is not reused.
     */
    public String identity() {
        return this == PAPER_NORMAL ? "PAPER_NORMAL_GAIN_MAPPED" : name();
    }

    /** Sets the initialisers; they take effect when the net is next initialised. */
    public void applyTo(VggNet net) {
        net.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        if (this == GLOROT) {
            net.setInitializer(new XavierInitializer(
                    XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f), Parameter.Type.WEIGHT);
            return;
        }
        List<Block> layers = weightLayers(net);
        List<LayerGain> sigmas = paperNormalSigmas(net.spec());
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).setInitializer(new NormalInitializer((float) sigmas.get(i).sigma()), Parameter.Type.WEIGHT);
        }
    }

    /**
     * One weight layer's mapped paper initialisation.
     *
     * @param layer "conv1" … "convN", "fc6", "fc7", "fc8"
     * @param fanIn inputs per unit in this net
     * @param paperFanIn inputs per unit of the same layer in the paper's net
     * @param sigma the standard deviation that keeps the paper's gain: 0.01·√(paperFanIn/fanIn)
     */
    public record LayerGain(String layer, long fanIn, long paperFanIn, double sigma) {
        /** σ·√fan-in, equal to the paper's 0.01·√paperFanIn by construction. */
        public double gain() {
            return sigma * Math.sqrt(fanIn);
        }
    }

    /**
     * The mapped σ of every weight layer of {@code spec}, conv layers top to bottom then fc6–fc8.
     * The paper's fan-ins: a conv layer's input channels at full width (3 for the first) times
     * its kernel area; fc6 sees the 512×7×7 map of a 224 crop (25,088), fc7 and fc8 4,096 units.
     * The number of classes does not enter any fan-in, so it needs no mapping.
     */
    public static List<LayerGain> paperNormalSigmas(VggSpec spec) {
        List<LayerGain> gains = new ArrayList<>();
        long channels = spec.inputChannels();
        long paperChannels = PAPER_INPUT_CHANNELS;
        int index = 1;
        for (Layer layer : spec.config().layers()) {
            if (layer instanceof Layer.Conv conv) {
                long area = (long) conv.kernel() * conv.kernel();
                gains.add(gain("conv" + index++, channels * area, paperChannels * area));
                channels = spec.scaledFilters(conv.filters());
                paperChannels = conv.filters();
            }
        }
        int paperMap = 224 / VggConfig.TOTAL_STRIDE;
        long map = (long) spec.featureMapSize() * spec.featureMapSize();
        gains.add(gain("fc6", channels * map, paperChannels * paperMap * paperMap));
        gains.add(gain("fc7", spec.fcUnits(), VggSpec.PAPER_FC_UNITS));
        gains.add(gain("fc8", spec.fcUnits(), VggSpec.PAPER_FC_UNITS));
        return gains;
    }

    private static LayerGain gain(String layer, long fanIn, long paperFanIn) {
        return new LayerGain(layer, fanIn, paperFanIn, PAPER_SIGMA * Math.sqrt((double) paperFanIn / fanIn));
    }

    private static List<Block> weightLayers(VggNet net) {
        List<Block> layers = new ArrayList<>(net.convLayers());
        for (Conv2d fc : net.head().layers()) {
            layers.add(fc);
        }
        return layers;
    }
}
