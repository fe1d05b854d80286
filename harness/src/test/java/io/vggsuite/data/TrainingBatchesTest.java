package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batches are whole, shuffled per epoch, normalised, and bit-identical for the same seed. */
class TrainingBatchesTest {

    /** 50 images, one class each, so a label names its image. */
    private final ImageStore store = TestData.randomStore(9, 3, 50, 50, 32, 32);
    private final Preprocessing preprocessing = Preprocessing.of(store);
    private final Augmentation paper = Augmentation.paper(TrainScale.jittered(37, 73), 32);

    private List<float[]> epoch(long seed, int epoch, int workers) {
        List<float[]> values = new ArrayList<>();
        try (TrainingBatches batches = new TrainingBatches(store, preprocessing, paper, 8, seed, workers);
                NDManager manager = NDManager.newBaseManager();
                BatchIterator iterator = batches.epoch(manager, epoch)) {
            while (iterator.hasNext()) {
                try (Batch batch = iterator.next()) {
                    values.add(batch.images().toFloatArray());
                    values.add(batch.labels().toType(DataType.FLOAT32, false).toFloatArray());
                }
            }
        }
        return values;
    }

    private static boolean same(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (!Arrays.equals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sameSeedGivesBitIdenticalBatchesWhateverTheWorkerCount() {
        List<float[]> one = epoch(42, 3, 1);
        assertTrue(same(one, epoch(42, 3, 1)));
        assertTrue(same(one, epoch(42, 3, 3)), "three workers assemble the same batches as one");
    }

    @Test
    void otherSeedsAndOtherEpochsGiveOtherBatches() {
        List<float[]> reference = epoch(42, 0, 2);
        assertFalse(same(reference, epoch(43, 0, 2)));
        assertFalse(same(reference, epoch(42, 1, 2)));
    }

    @Test
    void anEpochVisitsDistinctImagesInFullBatchesWithTheirLabels() {
        try (TrainingBatches batches = new TrainingBatches(store, preprocessing, paper, 8, 1);
                NDManager manager = NDManager.newBaseManager();
                BatchIterator iterator = batches.epoch(manager, 0)) {
            assertEquals(6, batches.batchesPerEpoch(), "50 images in batches of 8, the last 2 dropped");
            Set<Long> seen = new HashSet<>();
            int count = 0;
            while (iterator.hasNext()) {
                try (Batch batch = iterator.next()) {
                    assertEquals(new Shape(8, 3, 32, 32), batch.images().getShape());
                    assertEquals(DataType.FLOAT32, batch.images().getDataType());
                    assertEquals(DataType.INT64, batch.labels().getDataType());
                    for (long label : batch.labels().toLongArray()) {
                        assertTrue(seen.add(label), "image " + label + " twice in one epoch");
                    }
                    count++;
                }
            }
            assertEquals(6, count);
            assertEquals(48, seen.size());
            assertArrayEquals(batches.order(0), batches.order(0));
            assertFalse(Arrays.equals(batches.order(0), batches.order(1)), "shuffled anew each epoch");
        }
    }

    @Test
    void withoutRandomnessTheBatchIsTheMeanSubtractedScaledImage() {
        Augmentation none = new Augmentation(TrainScale.fixed(32), 32, false, false);
        float[] mean = preprocessing.mean();
        for (float scale : new float[] {1f / 255f, Preprocessing.DEFAULT_PIXEL_SCALE}) {
            try (TrainingBatches batches = new TrainingBatches(store, preprocessing.withPixelScale(scale), none, 5, 7);
                    NDManager manager = NDManager.newBaseManager();
                    BatchIterator iterator = batches.epoch(manager, 0);
                    Batch batch = iterator.next()) {
                float[] values = batch.images().toFloatArray();
                long[] labels = batch.labels().toLongArray();
                for (int k = 0; k < 5; k++) {
                    int image = (int) labels[k];
                    for (int c = 0; c < 3; c++) {
                        for (int y = 0; y < 32; y++) {
                            for (int x = 0; x < 32; x++) {
                                float expected = (store.pixel(image, y, x, c) - mean[c]) * scale;
                                assertEquals(expected, values[((k * 3 + c) * 32 + y) * 32 + x]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theColourShiftIsOneConstantPerImageAndChannel() {
        Augmentation shiftOnly = new Augmentation(TrainScale.fixed(32), 32, false, true);
        float[] mean = preprocessing.mean();
        try (TrainingBatches batches = new TrainingBatches(store, preprocessing.withPixelScale(1f), shiftOnly, 10, 3);
                NDManager manager = NDManager.newBaseManager();
                BatchIterator iterator = batches.epoch(manager, 0);
                Batch batch = iterator.next()) {
            float[] values = batch.images().toFloatArray();
            long[] labels = batch.labels().toLongArray();
            Set<Float> shifts = new HashSet<>();
            for (int k = 0; k < 10; k++) {
                for (int c = 0; c < 3; c++) {
                    int at = (k * 3 + c) * 1024;
                    double shift = values[at] - (store.pixel((int) labels[k], 0, 0, c) - mean[c]);
                    for (int p = 0; p < 1024; p++) {
                        double here = values[at + p] - (store.pixel((int) labels[k], p / 32, p % 32, c) - mean[c]);
                        assertEquals(shift, here, 1e-3);
                    }
                    shifts.add((float) shift);
                }
            }
            assertEquals(30, shifts.size(), "every image and channel has its own shift");
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheValue() {
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> new TrainingBatches(store, preprocessing, paper, 51, 1));
        assertTrue(tooBig.getMessage().contains("51"), tooBig.getMessage());
        Preprocessing gray = Preprocessing.of(TestData.randomStore(1, 1, 2, 2, 4, 4));
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> new TrainingBatches(store, gray, paper, 8, 1));
        assertTrue(channels.getMessage().contains("1 channels"), channels.getMessage());
    }
}
