package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Centre, grid and whole-image views of Section 3.2 are windows of one rescaled image. */
class TestViewsTest {

    private final ImageStore store = TestData.randomStore(5, 3, 3, 4, 32, 32);
    private final Preprocessing preprocessing = Preprocessing.of(store);
    private final TestViews views = new TestViews(store, preprocessing, 32);
    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private static NDArray window(NDArray whole, int top, int left, int size) {
        return whole.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + size, left, left + size));
    }

    @Test
    void wholeImageAtItsOwnSizeIsTheNormalisedImage() {
        NDArray whole = views.wholeImages(manager, 1, 3, 32);
        assertEquals(new Shape(2, 3, 32, 32), whole.getShape());
        float[] values = whole.toFloatArray();
        float[] mean = preprocessing.mean();
        for (int c = 0; c < 3; c++) {
            assertEquals((store.pixel(2, 5, 7, c) - mean[c]) * preprocessing.pixelScale(),
                    values[((3 + c) * 32 + 5) * 32 + 7]);
        }
        assertEquals(views.flippedWholeImages(manager, 1, 3, 32), whole.flip(3));
        assertArrayEquals(new int[] {2, 0}, views.labels(2, 4));
    }

    @Test
    void centreCropIsTheMiddleWindowOfTheRescaledImage() {
        NDArray centre = views.centreCrops(manager, 0, 4, 41);
        assertEquals(new Shape(4, 3, 32, 32), centre.getShape());
        NDArray whole = views.wholeImages(manager, 0, 4, 41);
        assertEquals(new Shape(4, 3, 41, 41), whole.getShape());
        assertEquals(window(whole, 4, 4, 32), centre);
    }

    @Test
    void gridCropsAreTwentyFiveWindowsThenTheirMirrors() {
        int q = 41;
        NDArray grid = views.gridCrops(manager, 1, 3, q);
        assertEquals(new Shape(2 * 50, 3, 32, 32), grid.getShape());
        NDArray whole = views.wholeImages(manager, 1, 3, q);
        int[] offsets = {0, 2, 5, 7, 9};
        for (int image = 0; image < 2; image++) {
            NDArray one = whole.get(new NDIndex("{}:{}", image, image + 1));
            for (int row = 0; row < 5; row++) {
                for (int column = 0; column < 5; column++) {
                    int view = image * 50 + row * 5 + column;
                    NDArray expected = window(one, offsets[row], offsets[column], 32).squeeze(0);
                    assertEquals(expected, grid.get(view), "view " + view);
                    assertEquals(expected.flip(2), grid.get(view + 25), "mirror of view " + view);
                }
            }
        }
    }

    @Test
    void nonSquareImagesKeepTheirAspectRatio() {
        ImageStore wide = TestData.randomStore(1, 3, 2, new int[] {20, 40}, new int[] {20, 40});
        NDArray whole = new TestViews(wide, Preprocessing.of(wide), 8).wholeImages(manager, 0, 2, 10);
        assertEquals(new Shape(2, 3, 10, 20), whole.getShape());
    }

    @Test
    void mixedSizesAndScalesBelowTheCropAreRefusedNamingThem() {
        ImageStore mixed = TestData.randomStore(1, 3, 2, new int[] {32, 32}, new int[] {32, 48});
        TestViews mixedViews = new TestViews(mixed, Preprocessing.of(mixed), 32);
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> mixedViews.wholeImages(manager, 0, 2, 32));
        assertTrue(sizes.getMessage().contains("32×32") && sizes.getMessage().contains("32×48"), sizes.getMessage());
        assertEquals(new Shape(1, 3, 32, 48), mixedViews.wholeImages(manager, 1, 2, 32).getShape());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> views.centreCrops(manager, 0, 1, 31));
        assertTrue(small.getMessage().contains("Q=31"), small.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> views.gridCrops(manager, 3, 9, 32));
    }
}
