package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The suite's two real datasets load completely and match their published statistics. CIFAR-10 is
 * found through {@code vgg.data.dir} (CI: ../shared/datasets) and Fashion-MNIST through Debian's
 * {@code dataset-fashion-mnist}. CIFAR-10 missing fails with the loader's message saying how to get
 * it. Fashion-MNIST is optional (no experiment of the paper reads it): outside CI a machine without it
 * skips that test with the loader's message as the reason; in CI ({@code CI=true}), which installs it,
 * it must be there.
 */
class RealDatasetsTest {

    /** From ../shared/datasets/cifar10/README.md. */
    private static final double[] CIFAR_TRAIN_MEAN = {125.269, 122.933, 113.863};
    private static final double[] CIFAR_TEST_MEAN = {125.987, 123.691, 114.847};
    private static final double MEAN_TOLERANCE = 0.01;

    @Test
    void cifar10HasTheReadmeCountsClassesAndMeans() {
        DatasetSplits splits = Datasets.cifar10(0, 1);
        assertEquals(50_000, splits.train().size());
        assertEquals(0, splits.validation().size());
        assertEquals(10_000, splits.test().size());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                splits.train().classes());
        assertEquals(3, splits.train().channels());
        assertArrayEquals(new int[] {32, 32}, splits.train().uniformSize().orElseThrow());
        assertArrayEquals(new int[] {5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000},
                splits.train().classCounts());
        assertMeans(CIFAR_TRAIN_MEAN, Preprocessing.of(splits.train()).mean());
        assertMeans(CIFAR_TEST_MEAN, Preprocessing.of(splits.test()).mean());
        assertTrue(splits.checksum().startsWith("sha256:") || splits.checksum().startsWith("md5:"), splits.checksum());
    }

    @Test
    void cifar10ValidationSplitIsStratifiedAndHeldOutOfTraining() {
        DatasetSplits splits = Datasets.cifar10(5_000, 7);
        assertEquals(45_000, splits.train().size());
        assertEquals(5_000, splits.validation().size());
        assertEquals(10_000, splits.test().size());
        for (int count : splits.validation().classCounts()) {
            assertEquals(500, count);
        }
    }

    @Test
    void fashionMnistHasSixtyThousandAndTenThousandGrayImages() {
        assumeFashionMnistInstalledOrCi();
        DatasetSplits splits = Datasets.fashionMnist(0, 1);
        assertEquals(60_000, splits.train().size());
        assertEquals(10_000, splits.test().size());
        assertEquals(1, splits.train().channels());
        assertArrayEquals(new int[] {28, 28}, splits.test().uniformSize().orElseThrow());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000},
                splits.train().classCounts());
        assertEquals("Ankle boot", splits.train().classes().get(9));
    }

    private static void assumeFashionMnistInstalledOrCi() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return;
        }
        try {
            DataLocator.fromEnvironment().fashionMnist();
        } catch (DataException missing) {
            Assumptions.abort("skipped outside CI (Fashion-MNIST is optional here; set CI=true to require it): "
                    + missing.getMessage());
        }
    }

    private static void assertMeans(double[] expected, float[] actual) {
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], actual[c], MEAN_TOLERANCE, "channel " + c + " of " + java.util.Arrays.toString(actual));
        }
    }
}
