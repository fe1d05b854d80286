package io.vggsuite.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.vggsuite.data.TestViews;
import io.vggsuite.model.VggNet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Protocol} over a range of test images in batches and returns the averaged
 * posteriors. Every batch lives in its own {@link NDManager} scope, so memory stays flat however
 * many images and views are evaluated.
 */
public final class Evaluator {

    private final VggNet net;
    private final ParameterStore store;
    private final NDManager manager;
    private final TestViews views;
    private final int batchSize;
    private long viewsEvaluated;

    /**
     * @param net a trained net
     * @param manager the manager on the device the net's parameters live on
     * @param views the test images with the training set's preprocessing
     * @param batchSize images per forward pass (multi-crop sends 50 views per image)
     */
    public Evaluator(VggNet net, NDManager manager, TestViews views, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("evaluation batch size must be ≥ 1, got " + batchSize);
        }
        this.net = net;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.views = views;
        this.batchSize = batchSize;
    }

    /** Posteriors of images [from, to) under {@code protocol}. */
    public Scores evaluate(Protocol protocol, int from, int to) {
        if (protocol instanceof Protocol.DenseAndMultiCrop both) {
            return Scores.average(both.parts().stream().map(part -> evaluate(part, from, to)).toList());
        }
        List<Scores> perScale = new ArrayList<>();
        for (int q : protocol.scales()) {
            perScale.add(atScale(protocol, q, from, to));
        }
        return Scores.average(perScale);
    }

    /**
     * Network inputs (views) evaluated so far: 1 per image for a centre crop, 50 for multi-crop,
     * the whole image and its flip for the paper's dense evaluation, every window of both for dense
     * with its windows alone.
     */
    public long viewsEvaluated() {
        return viewsEvaluated;
    }

    private Scores atScale(Protocol protocol, int q, int from, int to) {
        float[][] probabilities = new float[to - from][];
        for (int start = from; start < to; start += batchSize) {
            int end = Math.min(to, start + batchSize);
            try (NDManager scope = manager.newSubManager()) {
                float[] flat = batchPosteriors(protocol, scope, start, end, q).toFloatArray();
                int classes = flat.length / (end - start);
                for (int i = start; i < end; i++) {
                    float[] row = new float[classes];
                    System.arraycopy(flat, (i - start) * classes, row, 0, classes);
                    probabilities[i - from] = row;
                }
            }
        }
        return new Scores(views.labels(from, to), probabilities);
    }

    /** [n, classes] soft-max posteriors of images [start, end) at scale q. */
    private NDArray batchPosteriors(Protocol protocol, NDManager scope, int start, int end, int q) {
        int n = end - start;
        if (protocol instanceof Protocol.CentreCrop) {
            return softmax(classScores(views.centreCrops(scope, start, end, q)));
        }
        if (protocol instanceof Protocol.Dense dense) {
            NDArray images = views.wholeImages(scope, start, end, q);
            NDArray posteriors = softmax(denseScores(images, dense.padding()));
            if (dense.flip()) {
                posteriors = posteriors.add(softmax(denseScores(images.flip(3), dense.padding()))).div(2);
            }
            return posteriors;
        }
        if (protocol instanceof Protocol.MultiCrop) {
            NDArray crops = views.gridCrops(scope, start, end, q);
            NDArray posteriors = softmax(classScores(crops));
            return posteriors.reshape(n, Protocol.MultiCrop.VIEWS_PER_SCALE, -1).mean(new int[] {1});
        }
        throw new IllegalArgumentException("protocol " + protocol + " has no single-scale form");
    }

    private NDArray classScores(NDArray crops) {
        viewsEvaluated += crops.getShape().get(0);
        return net.forward(store, new NDList(crops), false).singletonOrThrow();
    }

    /**
     * The class score map "spatially averaged (sum-pooled)" (Section 3.2), one cell per window of
     * {@link DenseWindows}: from one pass per image, or from each window run alone.
     */
    private NDArray denseScores(NDArray images, DensePadding padding) {
        return switch (padding) {
            case NEIGHBOURS -> onePassScores(images);
            case ZEROS -> windowsAloneScores(images);
        };
    }

    /**
     * {@code [n, classes]}: every window of {@link DenseWindows} cut from the images and run alone,
     * as a crop, its class scores averaged over the windows. One forward pass holds the windows of
     * all {@code n} images, window by window ({@code [windows · n]}), so they come back apart by a
     * reshape to {@code [windows, n, classes]}.
     */
    private NDArray windowsAloneScores(NDArray images) {
        int crop = views.crop();
        List<Integer> rows = DenseWindows.windowStarts((int) images.getShape().get(2), crop);
        List<Integer> columns = DenseWindows.windowStarts((int) images.getShape().get(3), crop);
        NDList windows = new NDList(rows.size() * columns.size());
        for (int top : rows) {
            for (int left : columns) {
                windows.add(images.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + crop, left, left + crop)));
            }
        }
        NDArray scores = classScores(NDArrays.concat(windows, 0));
        return scores.reshape(windows.size(), images.getShape().get(0), -1).mean(new int[] {0});
    }

    private NDArray onePassScores(NDArray images) {
        // Also names a side smaller than the crop before the net fails on it.
        long rows = DenseWindows.windowStarts((int) images.getShape().get(2), views.crop()).size();
        long columns = DenseWindows.windowStarts((int) images.getShape().get(3), views.crop()).size();
        viewsEvaluated += images.getShape().get(0);
        NDArray map = net.fineScoreMap(store, images, DenseWindows.stridelessPools(views.crop()));
        if (map.getShape().get(2) != rows || map.getShape().get(3) != columns) {
            throw new IllegalStateException("the score map " + map.getShape() + " has no cell per window of "
                    + rows + "×" + columns);
        }
        return map.reshape(map.getShape().get(0), map.getShape().get(1), -1).mean(new int[] {2});
    }

    private static NDArray softmax(NDArray scores) {
        return scores.softmax(1);
    }
}
