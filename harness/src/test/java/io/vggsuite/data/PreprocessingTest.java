package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mean RGB and the PCA of Section 3.1, on stores whose answers are known. */
class PreprocessingTest {

    @Test
    void meanAndPrincipalComponentOfGrayPixelsInColour() {
        // R = G = B = v: all variance lies along (1, 1, 1)/√3, with eigenvalue 3·var(v).
        byte[] pixels = new byte[3 * 1000];
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        double squares = 0;
        for (int p = 0; p < 1000; p++) {
            int v = random.nextInt(256);
            sum += v;
            squares += (double) v * v;
            pixels[3 * p] = (byte) v;
            pixels[3 * p + 1] = (byte) v;
            pixels[3 * p + 2] = (byte) v;
        }
        ImageStore store = new ImageStore(3, TestData.classNames(2), new int[] {0, 1}, new int[] {10, 10},
                new int[] {50, 50}, pixels);
        Preprocessing preprocessing = Preprocessing.of(store);
        double mean = sum / 1000;
        double variance = (squares / 1000 - mean * mean) / (255.0 * 255.0);
        for (int c = 0; c < 3; c++) {
            assertEquals(mean, preprocessing.mean()[c], 1e-3);
            assertEquals(1 / Math.sqrt(3), Math.abs(preprocessing.eigenvectors()[0][c]), 1e-5);
        }
        assertEquals(3 * variance, preprocessing.eigenvalues()[0], 1e-6);
        assertEquals(0, preprocessing.eigenvalues()[1], 1e-6);
        assertEquals(Preprocessing.DEFAULT_PIXEL_SCALE, preprocessing.pixelScale());
        assertSame(store.statistics(), store.statistics(), "computed once per store");
    }

    @Test
    void eigenDecompositionOfASymmetricMatrix() {
        double[][] matrix = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        SymmetricEigen eigen = SymmetricEigen.of(matrix);
        for (int i = 0; i < 3; i++) {
            double[] v = eigen.vectors()[i];
            for (int row = 0; row < 3; row++) {
                double product = 0;
                for (int k = 0; k < 3; k++) {
                    product += matrix[row][k] * v[k];
                }
                assertEquals(eigen.values()[i] * v[row], product, 1e-12, "A·v = λ·v for eigenpair " + i);
            }
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += v[k] * eigen.vectors()[j][k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12, "orthonormal");
            }
        }
        assertEquals(true, eigen.values()[0] >= eigen.values()[1] && eigen.values()[1] >= eigen.values()[2]);
    }

    @Test
    void bilinearUpscaleMatchesHalfPixelInterpolation() {
        // Rows [0, 100] upscaled ×2 give [0, 25, 75, 100], as torch's bilinear with align_corners=False.
        byte[] pixels = {0, 100, 0, 100};
        ImageStore store = new ImageStore(1, TestData.classNames(2), new int[] {0}, new int[] {2}, new int[] {2}, pixels);
        float[] out = new float[16];
        CropSampler.sample(store, 0, 4, 4, 0, 0, 4, 4, false, new float[] {0}, 1, out, 0);
        float[] row = {0, 25, 75, 100};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(row[x], out[y * 4 + x], 1e-4);
            }
        }
    }
}
