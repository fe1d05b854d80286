package io.vggsuite.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.train.Devices;

/**
 * The device's practical peak: GFLOP/s of a 2048×2048 float32 matrix product, best of a few
 * rounds. Measured by the table's process and by each {@link SuiteCell}, so rates compare with
 * the ceiling of the same process and day.
 */
final class MatmulCeiling {

    static final int SIDE = 2048;
    static final int ROUNDS = 3;

    private MatmulCeiling() {}

    /** GFLOP/s, best of {@link #ROUNDS} rounds of {@code products} products after two of warm-up. */
    static double gflops(int products) {
        try (NDManager manager = NDManager.newBaseManager(Devices.primary())) {
            Shape shape = new Shape(SIDE, SIDE);
            NDArray a = manager.randomUniform(-1, 1, shape);
            NDArray b = manager.randomUniform(-1, 1, shape);
            for (int i = 0; i < 2; i++) {
                a.matMul(b).close();
            }
            double best = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < products; i++) {
                    a.matMul(b).close();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, 2.0 * Math.pow(SIDE, 3) * products / seconds / 1e9);
            }
            return best;
        }
    }
}
