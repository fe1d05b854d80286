package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.data.Augmentation;
import io.vggsuite.data.DatasetSplits;
import io.vggsuite.data.Datasets;
import io.vggsuite.data.Preprocessing;
import io.vggsuite.data.TrainScale;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paired measurement of the input pipeline's cost runs the pipeline through epoch after epoch. */
class ComputeThroughputTest {

    @TempDir
    Path data;

    @Test
    void fedAndPremadeBlocksAlternateAcrossTheEndsOfEpochs() throws Exception {
        TinyImageFolder.write(data, 5, 1);
        DatasetSplits splits = Datasets.imageFolder(data, 0, 1);
        VggSpec spec = VggSpec.of(VggConfig.A).withClasses(TinyImageFolder.CLASSES).withWidth(TinyNets.WIDTH)
                .withCrop(TinyImageFolder.SIZE);
        Augmentation augmentation = Augmentation.paper(TrainScale.jittered(37, 73), TinyImageFolder.SIZE);
        try (TrainingBatches batches = new TrainingBatches(splits.train(), Preprocessing.of(splits.train()),
                augmentation, 4, 3)) {
            assertEquals(5, batches.batchesPerEpoch());
            // One untimed and four timed blocks of three fed steps: fifteen batches, three epochs.
            ComputeThroughput.FedVersusPremade paired = ComputeThroughput.fedVersusPremade(spec, batches, 4, 3);
            assertTrue(paired.fed() > 0 && Double.isFinite(paired.fed()), "fed " + paired.fed());
            assertTrue(paired.premade() > 0 && Double.isFinite(paired.premade()), "premade " + paired.premade());
            assertEquals(4, paired.blocks());
            assertEquals(3, paired.stepsPerBlock());
        }
    }
}
