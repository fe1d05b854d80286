package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.data.DatasetSplits;
import io.vggsuite.data.Datasets;
import io.vggsuite.data.Preprocessing;
import io.vggsuite.data.TestViews;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.testing.TinyImageFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    @TempDir
    static Path folder;

    static TestViews views;

    @BeforeAll
    static void images() throws IOException {
        TinyImageFolder.write(folder, 2, 6);
        DatasetSplits splits = Datasets.imageFolder(folder, 0, 1);
        views = new TestViews(splits.test(), Preprocessing.of(splits.train()), 32);
    }

    private static VggNet net(NDManager manager) {
        VggNet net = VggBuilder.build(new VggSpec(VggConfig.A, TinyImageFolder.CLASSES, 3, 1.0 / 8, 32));
        Initialisation.GLOROT.applyTo(net);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return net;
    }

    /** Q = 37 is not a multiple of 32: dense evaluation keeps the central 32 pixels, as the centre crop does. */
    @Test
    void denseEvaluationJustAboveTheCropSizeSeesTheCentreNotACorner() {
        assertDenseEqualsCentreCrop(37);
    }

    @Test
    void denseImagesAreCutToWholeTilesOfTheStrideAroundTheirCentre() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray image = manager.arange(73 * 73).reshape(1, 1, 73, 73).toType(DataType.FLOAT32, false);
            NDArray kept = Evaluator.centredOnTheScoreMapGrid(image);
            assertEquals(new Shape(1, 1, 64, 64), kept.getShape());
            assertEquals(4 * 73 + 4, kept.getFloat(0, 0, 0, 0), 0);
            NDArray exact = manager.zeros(new Shape(2, 3, 64, 96));
            assertEquals(exact.getShape(), Evaluator.centredOnTheScoreMapGrid(exact).getShape());
        }
    }

    @Test
    void denseEvaluationOfACropSizedImageEqualsTheCentreCrop() {
        assertDenseEqualsCentreCrop(32);
    }

    private static void assertDenseEqualsCentreCrop(int q) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Evaluator evaluator = new Evaluator(net(manager), manager, views, 5);
            Scores centre = evaluator.evaluate(new Protocol.CentreCrop(List.of(q)), 0, views.size());
            Scores dense = evaluator.evaluate(new Protocol.Dense(List.of(q), false), 0, views.size());
            for (int i = 0; i < centre.images(); i++) {
                for (int c = 0; c < TinyImageFolder.CLASSES; c++) {
                    assertEquals(centre.probabilities()[i][c], dense.probabilities()[i][c], 1e-5,
                            "image " + i + " class " + c);
                }
            }
        }
    }

    @Test
    void multiCropOverThreeScalesSees150ViewsPerImage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Evaluator evaluator = new Evaluator(net(manager), manager, views, 4);
            Scores scores = evaluator.evaluate(new Protocol.MultiCrop(List.of(37, 55, 73)), 0, views.size());
            assertEquals(150L * views.size(), evaluator.viewsEvaluated());
            assertEquals(views.size(), scores.images());
            for (float[] p : scores.probabilities()) {
                double sum = 0;
                for (float v : p) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-4, "posteriors of an image sum to one");
            }
        }
    }

    @Test
    void denseAndMultiCropIsTheMeanOfTheTwo() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Evaluator evaluator = new Evaluator(net(manager), manager, views, 3);
            List<Integer> q = List.of(37, 55);
            Scores dense = evaluator.evaluate(new Protocol.Dense(q), 0, views.size());
            Scores crops = evaluator.evaluate(new Protocol.MultiCrop(q), 0, views.size());
            Scores both = evaluator.evaluate(new Protocol.DenseAndMultiCrop(q), 0, views.size());
            float[] expected = Scores.average(List.of(dense, crops)).probabilities()[1];
            float[] actual = both.probabilities()[1];
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], actual[c], 1e-6);
            }
            assertTrue(both.images() > 0);
        }
    }
}
