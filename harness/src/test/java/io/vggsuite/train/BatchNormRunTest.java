package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch-norm net goes through the trainer like the paper's nets, and keeps what it learnt. */
class BatchNormRunTest {

    @TempDir
    Path data;

    @TempDir
    Path results;

    @Test
    void aBatchNormRunTrainsIntoItsOwnFolderAndItsModelKeepsTheRunningStatistics() throws IOException {
        TinyImageFolder.write(data, 40, 10);
        RunSpec spec = TinyNets.oneEpochOf(data, 20)
                .model(TinyNets.model(VggConfig.A).withNormalisation(Normalisation.BATCH_NORM)).build();
        TrainedRun run = RunTrainer.into(results, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test")).train(spec);

        assertEquals(TrainedRun.Outcome.TRAINED, run.outcome());
        assertTrue(run.folder().runId().startsWith("A-BN-w1_8-S256-glorot-s5-"), run.folder().runId());
        assertEquals(Normalisation.BATCH_NORM, run.folder().key().orElseThrow().variant().normalisation());
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = run.load(manager);
            float[] mean = net.batchNormLayers().get(0).getParameters().get("runningMean").getArray().toFloatArray();
            assertFalse(Arrays.equals(new float[mean.length], mean), "the trained running mean was saved");
            // Dense evaluation normalises by those statistics: a 64×64 image gives a 2×2 score map.
            NDArray scores = net.scoreMap(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(1, 3, 64, 64)))).singletonOrThrow();
            assertEquals(new Shape(1, TinyImageFolder.CLASSES, 2, 2), scores.getShape());
            assertTrue(scores.isNaN().none().getBoolean(), "finite scores");
        }
    }
}
