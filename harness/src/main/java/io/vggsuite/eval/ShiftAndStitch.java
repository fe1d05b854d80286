package io.vggsuite.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vggsuite.model.VggNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense evaluation's class scores: the fully-convolutional net over the whole image at every
 * offset pair of {@link DenseWindows}, the class score maps of all passes "spatially averaged
 * (sum-pooled)" (Section 3.2) into one mean over every window. Passes of the same input size
 * run as one batch.
 */
final class ShiftAndStitch {

    /**
     * @param scores {@code [n, classes]} mean class scores over all windows
     * @param windows windows per image
     * @param passInputs inputs sent through the net per image (one per offset pair)
     */
    record Result(NDArray scores, long windows, long passInputs) {}

    private ShiftAndStitch() {}

    /** Mean class scores of {@code images} {@code [n, C, h, w]} for windows of {@code crop}. */
    static Result meanScores(VggNet net, ParameterStore store, NDArray images, int crop) {
        int height = (int) images.getShape().get(2);
        int width = (int) images.getShape().get(3);
        long n = images.getShape().get(0);
        Map<Shape, List<NDArray>> bySize = new LinkedHashMap<>();
        for (int top : DenseWindows.offsets(height, crop)) {
            for (int left : DenseWindows.offsets(width, crop)) {
                int h = DenseWindows.extent(top, height, crop);
                int w = DenseWindows.extent(left, width, crop);
                NDArray part = images.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + h, left, left + w));
                bySize.computeIfAbsent(part.getShape(), s -> new ArrayList<>()).add(part);
            }
        }
        NDArray sum = null;
        long windows = 0;
        long passes = 0;
        for (List<NDArray> parts : bySize.values()) {
            NDArray batch = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
            NDArray map = net.scoreMap(store, new NDList(batch)).singletonOrThrow();
            long classes = map.getShape().get(1);
            long cells = map.getShape().get(2) * map.getShape().get(3);
            // [passes·n, K, h, w] → per image, summed over passes and cells.
            NDArray summed = map.reshape(parts.size(), n, classes, cells).sum(new int[] {0, 3});
            sum = sum == null ? summed : sum.add(summed);
            windows += parts.size() * cells;
            passes += parts.size();
        }
        return new Result(sum.div(windows), windows, passes);
    }
}
