package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LocalResponseNormTest {

    /** Krizhevsky et al. (2012), Section 3.3, written as the loop it describes. */
    private static double expected(float[] a, int n, int c, int y, int x, int channels, int h, int w,
            int size, double alpha, double beta, double k) {
        double sum = 0;
        for (int j = Math.max(0, c - size / 2); j <= Math.min(channels - 1, c + size / 2); j++) {
            double v = a[((n * channels + j) * h + y) * w + x];
            sum += v * v;
        }
        return a[((n * channels + c) * h + y) * w + x] / Math.pow(k + alpha * sum, beta);
    }

    @Test
    void matchesThePerChannelFormulaOnRandomInput() {
        int batch = 2, channels = 11, h = 4, w = 3;
        // Large values so that the alpha term matters at alpha = 1e-4.
        checkAgainstLoop(new LocalResponseNorm(LocalResponseNorm.Form.KRIZHEVSKY), batch, channels, h, w, 40f,
                LocalResponseNorm.SIZE, LocalResponseNorm.ALPHA, LocalResponseNorm.BETA, LocalResponseNorm.K);
        checkAgainstLoop(new LocalResponseNorm(3, 0.5f, 0.6f, 1f), batch, channels, h, w, 2f, 3, 0.5, 0.6, 1);
    }

    /** Caffe's LRN layer: scale = k + (alpha / n) · sum, k defaulting to 1 (caffe/src/caffe/layers/lrn_layer.cpp). */
    @Test
    void caffeFormDividesAlphaByTheWindowAndUsesKOne() {
        checkAgainstLoop(new LocalResponseNorm(LocalResponseNorm.Form.CAFFE), 2, 11, 4, 3, 100f,
                LocalResponseNorm.SIZE, LocalResponseNorm.ALPHA / LocalResponseNorm.SIZE, LocalResponseNorm.BETA, 1);
    }

    /**
     * Training goes through autograd of the pooled window sum: its gradient must be the formula's,
     * dL/da_i = w_i·D_i^(-β) − 2αβ·a_i·Σ_{c: i in window(c)} w_c·a_c·D_c^(-β-1) with D_c = k + α·Σ a_j²,
     * at values where the α term matters.
     */
    @Test
    void itsGradientIsTheFormulasDerivative() {
        int batch = 1, channels = 9, h = 2, w = 2;
        double alpha = 1e-3, beta = LocalResponseNorm.BETA, k = 1;
        int size = LocalResponseNorm.SIZE;
        LocalResponseNorm lrn = new LocalResponseNorm(size, (float) alpha, (float) beta, (float) k);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.randomNormal(0, 30, new Shape(batch, channels, h, w), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray weights = manager.randomNormal(new Shape(batch, channels, h, w));
            float[] a = input.toFloatArray();
            float[] wt = weights.toFloatArray();
            input.setRequiresGradient(true);
            float[] grad;
            try (ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray out = lrn.forward(new ParameterStore(manager, false), new NDList(input), true).singletonOrThrow();
                collector.backward(out.mul(weights).sum());
                grad = input.getGradient().toFloatArray();
            }
            int plane = h * w;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    double want = wt[c * plane + p] * Math.pow(denominator(a, c, p, channels, plane, size, alpha, k), -beta);
                    for (int o = Math.max(0, c - size / 2); o <= Math.min(channels - 1, c + size / 2); o++) {
                        double d = denominator(a, o, p, channels, plane, size, alpha, k);
                        want -= 2 * alpha * beta * a[c * plane + p] * wt[o * plane + p] * a[o * plane + p]
                                * Math.pow(d, -beta - 1);
                    }
                    assertEquals(want, grad[c * plane + p], 1e-4 * Math.max(1, Math.abs(want)),
                            "dL/da at channel " + c + ", pixel " + p);
                }
            }
        }
    }

    private static double denominator(float[] a, int c, int p, int channels, int plane, int size, double alpha,
            double k) {
        double sum = 0;
        for (int j = Math.max(0, c - size / 2); j <= Math.min(channels - 1, c + size / 2); j++) {
            sum += (double) a[j * plane + p] * a[j * plane + p];
        }
        return k + alpha * sum;
    }

    @Test
    void theDefaultIsWhatThePapersCaffeComputed() {
        assertEquals(LocalResponseNorm.Form.CAFFE, LocalResponseNorm.Form.DEFAULT);
    }

    private static void checkAgainstLoop(LocalResponseNorm lrn, int batch, int channels, int h, int w,
            float scale, int size, double alpha, double beta, double k) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.randomNormal(0, scale, new Shape(batch, channels, h, w), ai.djl.ndarray.types.DataType.FLOAT32);
            float[] a = input.toFloatArray();
            float[] out = lrn.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray();
            for (int n = 0; n < batch; n++) {
                for (int c = 0; c < channels; c++) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int i = ((n * channels + c) * h + y) * w + x;
                            double want = expected(a, n, c, y, x, channels, h, w, size, alpha, beta, k);
                            assertEquals(want, out[i], 1e-5 * Math.max(1, Math.abs(want)),
                                    "n=" + n + " c=" + c + " y=" + y + " x=" + x);
                        }
                    }
                }
            }
        }
    }
}
