package io.vggsuite.data;

import ai.djl.ndarray.NDArray;

/**
 * One training batch.
 *
 * @param images {@code [N, C, crop, crop]} float32, mean-subtracted and multiplied by the pixel scale
 * @param labels {@code [N]} int64 class ids
 */
public record Batch(NDArray images, NDArray labels) implements AutoCloseable {

    public int size() {
        return Math.toIntExact(labels.size());
    }

    @Override
    public void close() {
        images.close();
        labels.close();
    }
}
