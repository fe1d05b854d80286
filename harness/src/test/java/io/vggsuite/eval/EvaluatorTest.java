package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
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
        VggNet net = VggBuilder.build(VggSpec.of(VggConfig.A).withClasses(TinyImageFolder.CLASSES).withWidth(1.0 / 8)
                .withCrop(32));
        Initialisation.GLOROT.applyTo(net);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return net;
    }

    /**
     * Without flips, dense evaluation is the soft-max of the mean class scores over every window of
     * {@link DenseWindows}, from one pass per image. The windows a multiple of 32 pixels from the
     * origin are cells of the plain fully-convolutional pass (the model's tests hold every other
     * cell to shift-and-stitch), so the map is read at the right places.
     */
    @Test
    void denseEvaluationAveragesTheScoresOfEveryWindowFromOnePassPerImage() {
        int q = 73;
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = net(manager);
            Evaluator evaluator = new Evaluator(net, manager, views, 5);
            Scores dense = evaluator.evaluate(new Protocol.Dense(List.of(q), false, DensePadding.NEIGHBOURS), 0, views.size());
            NDArray images = views.wholeImages(manager, 0, views.size(), q);
            List<Integer> rows = DenseWindows.windowStarts((int) images.getShape().get(2), 32);
            List<Integer> columns = DenseWindows.windowStarts((int) images.getShape().get(3), 32);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray map = net.fineScoreMap(store, images, DenseWindows.stridelessPools(32));
            assertEquals(rows.size(), map.getShape().get(2), "a row of cells per window start");
            assertEquals(columns.size(), map.getShape().get(3), "a column of cells per window start");
            NDArray plain = net.scoreMap(store, new NDList(images)).singletonOrThrow();
            int every = VggConfig.TOTAL_STRIDE / DenseWindows.step(32);
            float gap = plain.sub(map.get(":, :, ::{}, ::{}", every, every)).abs().max().getFloat();
            assertTrue(gap < 1e-5, "windows 32 pixels apart differ from the plain pass by " + gap);
            float[] expected = map.reshape(views.size(), TinyImageFolder.CLASSES, -1).mean(new int[] {2}).softmax(1)
                    .toFloatArray();
            for (int i = 0; i < dense.images(); i++) {
                for (int c = 0; c < TinyImageFolder.CLASSES; c++) {
                    assertEquals(expected[i * TinyImageFolder.CLASSES + c], dense.probabilities()[i][c], 1e-5,
                            "image " + i + " class " + c);
                }
            }
            assertEquals(views.size(), evaluator.viewsEvaluated(), "one pass per image");
        }
    }

    /**
     * With its windows alone, dense evaluation is the soft-max of the mean class scores of every
     * window of {@link DenseWindows} cut from the image and run as a crop. Written here window by
     * window, image by image; the evaluator runs the windows of several images in one pass (two
     * images a pass here), so this also holds its windows and images apart.
     */
    @Test
    void denseWithItsWindowsAloneAveragesTheScoresOfEachWindowRunAsACrop() {
        int q = 55;
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = net(manager);
            Evaluator evaluator = new Evaluator(net, manager, views, 2);
            Scores dense = evaluator.evaluate(new Protocol.Dense(List.of(q), false, DensePadding.ZEROS), 0,
                    views.size());
            ParameterStore store = new ParameterStore(manager, false);
            List<Integer> starts = DenseWindows.windowStarts(q, 32);
            for (int i = 0; i < views.size(); i++) {
                NDArray image = views.wholeImages(manager, i, i + 1, q);
                NDArray sum = manager.zeros(new Shape(1, TinyImageFolder.CLASSES));
                for (int top : starts) {
                    for (int left : starts) {
                        NDArray window = image.get(":, :, {}:{}, {}:{}", top, top + 32, left, left + 32);
                        sum = sum.add(net.forward(store, new NDList(window), false).singletonOrThrow());
                    }
                }
                float[] expected = sum.div(starts.size() * starts.size()).softmax(1).toFloatArray();
                for (int c = 0; c < TinyImageFolder.CLASSES; c++) {
                    assertEquals(expected[c], dense.probabilities()[i][c], 1e-5, "image " + i + " class " + c);
                }
            }
            assertEquals((long) starts.size() * starts.size() * views.size(), evaluator.viewsEvaluated(),
                    "every window a view");
        }
    }

    @Test
    void denseEvaluationOfACropSizedImageEqualsTheCentreCropWhateverItsPadding() {
        for (DensePadding padding : DensePadding.values()) {
            assertDenseEqualsCentreCrop(32, padding);
        }
    }

    private static void assertDenseEqualsCentreCrop(int q, DensePadding padding) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Evaluator evaluator = new Evaluator(net(manager), manager, views, 5);
            Scores centre = evaluator.evaluate(new Protocol.CentreCrop(List.of(q)), 0, views.size());
            Scores dense = evaluator.evaluate(new Protocol.Dense(List.of(q), false, padding), 0, views.size());
            for (int i = 0; i < centre.images(); i++) {
                for (int c = 0; c < TinyImageFolder.CLASSES; c++) {
                    assertEquals(centre.probabilities()[i][c], dense.probabilities()[i][c], 1e-5,
                            padding + ": image " + i + " class " + c);
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
    void denseAndMultiCropIsTheMeanOfTheTwoWithTheDensePaddingItNames() {
        for (DensePadding padding : DensePadding.values()) {
            assertDenseAndMultiCropIsTheMeanOfTheTwo(padding);
        }
    }

    private static void assertDenseAndMultiCropIsTheMeanOfTheTwo(DensePadding padding) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Evaluator evaluator = new Evaluator(net(manager), manager, views, 3);
            List<Integer> q = List.of(37, 55);
            Scores dense = evaluator.evaluate(new Protocol.Dense(q, true, padding), 0, views.size());
            Scores crops = evaluator.evaluate(new Protocol.MultiCrop(q), 0, views.size());
            Scores both = evaluator.evaluate(new Protocol.DenseAndMultiCrop(q, padding), 0, views.size());
            float[] expected = Scores.average(List.of(dense, crops)).probabilities()[1];
            float[] actual = both.probabilities()[1];
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], actual[c], 1e-6, padding + ": class " + c);
            }
            assertTrue(both.images() > 0);
        }
    }
}
