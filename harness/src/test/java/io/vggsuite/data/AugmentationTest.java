package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random choices of Section 3.1 have the right distributions and the right geometry. */
class AugmentationTest {

    private static final int DRAWS = 40_000;

    private final ImageStore store = TestData.randomStore(3, 3, 2, new int[] {32, 32}, new int[] {32, 48});
    private final Preprocessing preprocessing = Preprocessing.of(store);

    private Augmenter augmenter(Augmentation augmentation) {
        return new Augmenter(store, preprocessing, augmentation);
    }

    @Test
    void jitteredScalesSpreadUniformlyOverSminToSmax() {
        Augmenter augmenter = augmenter(Augmentation.paper(TrainScale.jittered(37, 73), 32));
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[74];
        for (int k = 0; k < DRAWS; k++) {
            counts[augmenter.draw(0, random).s()]++;
        }
        double expected = DRAWS / 37.0;
        for (int s = 0; s < 74; s++) {
            if (s < 37) {
                assertEquals(0, counts[s], "S = " + s + " is below Smin");
            } else {
                // ±6 standard deviations of a binomial count: fails only for a real bias.
                assertEquals(expected, counts[s], 6 * Math.sqrt(expected), "draws of S = " + s);
            }
        }
    }

    @Test
    void cropsLieInsideTheRescaledImageAndReachItsEdges() {
        Augmenter augmenter = augmenter(Augmentation.paper(TrainScale.jittered(37, 73), 32));
        SplittableRandom random = new SplittableRandom(2);
        boolean touchedBottomRight = false;
        boolean touchedTopLeft = false;
        for (int k = 0; k < DRAWS; k++) {
            Augmenter.Draw draw = augmenter.draw(1, random);
            // Image 1 is 32×48: the smaller side (height) becomes S, the width keeps the aspect ratio.
            assertEquals(draw.s(), draw.scaledHeight());
            assertEquals(Math.round(48.0 * draw.s() / 32), draw.scaledWidth());
            assertTrue(draw.top() >= 0 && draw.left() >= 0);
            assertTrue(draw.top() + 32 <= draw.scaledHeight() && draw.left() + 32 <= draw.scaledWidth(), draw.toString());
            touchedTopLeft |= draw.top() == 0 && draw.left() == 0;
            touchedBottomRight |= draw.top() + 32 == draw.scaledHeight() && draw.left() + 32 == draw.scaledWidth();
        }
        assertTrue(touchedTopLeft && touchedBottomRight);
    }

    @Test
    void halfTheCropsAreFlippedAndNoneWhenFlipsAreOff() {
        SplittableRandom random = new SplittableRandom(3);
        Augmenter flipping = augmenter(Augmentation.paper(TrainScale.fixed(40), 32));
        int flips = 0;
        for (int k = 0; k < DRAWS; k++) {
            flips += flipping.draw(0, random).flip() ? 1 : 0;
        }
        assertEquals(0.5, (double) flips / DRAWS, 0.015);
        Augmenter plain = augmenter(new Augmentation(TrainScale.fixed(40), 32, false, false));
        for (int k = 0; k < 1000; k++) {
            Augmenter.Draw draw = plain.draw(0, random);
            assertFalse(draw.flip());
            assertArrayEquals(new double[3], draw.shift());
        }
    }

    @Test
    void colourShiftIsZeroMeanWithTheCovarianceOfKrizhevsky() {
        Augmenter augmenter = augmenter(Augmentation.paper(TrainScale.fixed(32), 32));
        SplittableRandom random = new SplittableRandom(4);
        double[] sum = new double[3];
        double[][] products = new double[3][3];
        for (int k = 0; k < DRAWS; k++) {
            double[] shift = augmenter.draw(0, random).shift();
            for (int a = 0; a < 3; a++) {
                sum[a] += shift[a];
                for (int b = 0; b < 3; b++) {
                    products[a][b] += shift[a] * shift[b];
                }
            }
        }
        // Σ αᵢλᵢpᵢ with αᵢ ~ N(0, 0.1²) independent: covariance Σ (0.1·λᵢ)² pᵢpᵢᵀ (on 0–1, here ×255).
        float[] lambda = preprocessing.eigenvalues();
        float[][] p = preprocessing.eigenvectors();
        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            double variance = Math.pow(0.1 * lambda[i] * 255, 2);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    expected[a][b] += variance * p[i][a] * p[i][b];
                }
            }
        }
        double largest = expected[0][0] + expected[1][1] + expected[2][2];
        for (int a = 0; a < 3; a++) {
            double mean = sum[a] / DRAWS;
            assertEquals(0, mean, 5 * Math.sqrt(expected[a][a] / DRAWS), "mean shift of channel " + a);
            for (int b = 0; b < 3; b++) {
                assertEquals(expected[a][b], products[a][b] / DRAWS, 0.03 * largest, "covariance " + a + "," + b);
            }
        }
        assertTrue(largest > 0.5, "the shift is a visible fraction of a grey level: " + largest);
    }

    @Test
    void theAugmentedCropIsTheMatchingWindowOfTheRescaledImage() {
        Augmentation augmentation = new Augmentation(TrainScale.jittered(32, 60), 32, true, false);
        Augmenter augmenter = augmenter(augmentation);
        TestViews views = new TestViews(store, preprocessing, 32);
        SplittableRandom random = new SplittableRandom(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int k = 0; k < 30; k++) {
                int image = k % 2;
                Augmenter.Draw draw = augmenter.draw(image, random);
                float[] crop = new float[3 * 32 * 32];
                augmenter.write(image, draw, crop, 0);
                NDArray whole = views.wholeImages(manager, image, image + 1, draw.s());
                float[] values = whole.toFloatArray();
                int height = draw.scaledHeight();
                int width = draw.scaledWidth();
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            int sourceX = draw.left() + (draw.flip() ? 31 - x : x);
                            float expected = values[(c * height + draw.top() + y) * width + sourceX];
                            assertEquals(expected, crop[(c * 32 + y) * 32 + x], draw + " at " + c + "," + y + "," + x);
                        }
                    }
                }
            }
        }
    }
}
