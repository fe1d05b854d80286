package io.vggsuite.testing;

import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.KernelReproducibility;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.Start;
import java.nio.file.Path;
import java.util.List;

/**
 * The width of the nets that the harness's tests train: 1/8, the narrowest whose every convolution
 * has {@value KernelReproducibility#AVX2_BLOCK} channels or more (net A's first layer: 64 / 8).
 *
 * <p>At 1/16 the 4-channel layers take their input gradient from oneDNN's AVX2 kernel, which pads
 * them to 8 and reads the padding unwritten, so the trainer refuses such a net on the CPU
 * ({@code KernelReproducibility}). Until 2026-12-07 it refused one only when a probe of that shape
 * kept reading NaN, which depends on what earlier work left in freed memory: a child JVM of
 * {@code ResumeAfterKillTest} at 1/16 was refused on an AMD EPYC in CI after passing for weeks.
 */
public final class TinyNets {

    /** Width as a fraction of the paper's channels. */
    public static final double WIDTH = 1.0 / 8;
    /** The same, as the CLI's {@code --width} takes it. */
    public static final String WIDTH_ARGUMENT = "0.125";

    private TinyNets() {}

    /** Net {@code config} at {@link #WIDTH} for {@link TinyImageFolder}'s classes and images. */
    public static VggSpec model(VggConfig config) {
        return VggSpec.of(config).withClasses(TinyImageFolder.CLASSES).withWidth(WIDTH).withCrop(TinyImageFolder.SIZE);
    }

    /**
     * What a test that needs some trained run trains: net A from Glorot's initialisation on the
     * {@link TinyImageFolder} at {@code data}, {@code validationImages} of its training images held
     * out, S = 256, one epoch at a constant 10⁻² in batches of 10, seed 5. A test changes what it is
     * about on the builder.
     */
    public static RunSpec.Builder oneEpochOf(Path data, int validationImages) {
        return RunSpec.builder()
                .data(DataSpec.of(DataSpec.IMAGE_FOLDER_PREFIX + data).withValidationImages(validationImages)
                        .withSplitSeed(3))
                .model(model(VggConfig.A))
                .paperScale(TrainScale.fixed(256)).colourShift(false)
                .start(new Start.FromScratch(Initialisation.GLOROT))
                .recipe(Recipe.paper().withBatchSize(10).withLearningRate(0.01f).withMaxEpochs(1)
                        .withSchedule(new LearningRateSchedule.Milestones(List.of())))
                .seed(5);
    }
}
