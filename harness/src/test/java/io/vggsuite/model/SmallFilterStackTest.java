package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Section 2.3's argument for small filters, measured from built layers: "a stack of three 3×3
 * conv. layers … has an effective receptive field of 7×7 … parametrised by 3(3²C²) = 27C² weights;
 * a single 7×7 conv. layer would require 7²C² = 49C² parameters, i.e. 81% more."
 */
class SmallFilterStackTest {

    private static final int C = 8;
    private static final int SIZE = 21;

    private static Conv2d conv(int kernel) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(C)
                .optBias(false)
                .build();
    }

    private static Block threeByThreeStack() {
        return new SequentialBlock().add(conv(3)).add(conv(3)).add(conv(3));
    }

    private static long weights(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Side of the square of outputs that a single input pixel reaches. */
    private static long receptiveField(Block block, NDManager manager) {
        NDArray impulse = manager.zeros(new Shape(1, C, SIZE, SIZE));
        impulse.set(new ai.djl.ndarray.index.NDIndex("0, :, {}, {}", SIZE / 2, SIZE / 2), 1f);
        NDArray out = block.forward(new ParameterStore(manager, false), new NDList(impulse), false)
                .singletonOrThrow();
        NDArray reached = out.sum(new int[] {0, 1}).gt(0);
        return reached.sum(new int[] {1}).max().getLong();
    }

    private static Block initialised(Block block, NDManager manager) {
        // Positive weights so that no contribution cancels and the reach is exactly the field.
        block.setInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, C, SIZE, SIZE));
        return block;
    }

    @Test
    @DisplayName("three 3×3 layers: 27C² weights, a 7×7 receptive field; one 7×7 layer: 49C², 81% more")
    void threeStackedThreeByThreeLayersSeeWhatOneSevenBySevenSees() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block stack = initialised(threeByThreeStack(), manager);
            Block single = initialised(conv(7), manager);
            assertEquals(27L * C * C, weights(stack));
            assertEquals(49L * C * C, weights(single));
            assertEquals(81, Math.round(100.0 * (weights(single) - weights(stack)) / weights(stack)));
            assertEquals(7, receptiveField(stack, manager));
            assertEquals(7, receptiveField(single, manager));
            assertEquals(3, receptiveField(initialised(conv(3), manager), manager));
        }
    }
}
