package io.vggsuite.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The class score map of dense evaluation (Section 3.2) at a finer output stride than the net's 32
 * pixels: with the last r of its five max-pools made stride-less, neighbouring cells are 32 / 2^r
 * pixels apart. Two computations of the same map:
 *
 * <ul>
 *   <li>{@link #onePass}: filter rarefaction, "à trous" (Long et al., 2015, FCN, Section 3.2). Each of
 *       the last r max-pools keeps its 2×2 window but moves by 1, and every layer after it (the
 *       convolutions, the following pools and the head's fc6) is dilated by the stride removed so
 *       far, so that it reads the same cells it read before. One pass over the whole image.
 *   <li>{@link #stitched}: shift-and-stitch (OverFeat; FCN Section 3.2), the reference the test
 *       holds the one pass to. For each of the 2^r × 2^r phases, the ordinary net with the feature
 *       map entering the t-th stride-less pool shifted by bit t of the phase (one cell at that
 *       pool's resolution); the phases' maps interleave into the fine one.
 * </ul>
 *
 * The two are equal at every cell, borders included: on the stride-1 map a dilated convolution's
 * zero padding falls exactly where the ordinary convolution's falls on the shifted, strided map.
 * Shifting the input image instead (as dense evaluation did from Step 10 to issue 33) also moves
 * the zero padding of every layer before the pools to the shift, so it is a different function
 * near each shift's border; the paper's dense evaluation takes that padding from "the neighbouring
 * parts of an image" (Section 3.2), as both computations here do.
 */
final class FineScoreMap {

    private FineScoreMap() {}

    /** The map of {@code images} {@code [n, C, h, w]} in one pass: {@code [n, classes, h', w']}. */
    static NDArray onePass(VggNet net, ParameterStore store, NDArray images, int stridelessPools) {
        int firstStrideless = firstStrideless(net, stridelessPools);
        NDArray x = images;
        int dilation = 1;
        int pool = 0;
        for (LayerBlocks layer : layerBlocks(net)) {
            if (layer.layer() instanceof Layer.Conv conv) {
                x = convolve(store, (Conv2d) layer.blocks().get(0), x, conv.padding(), dilation);
                x = forward(store, layer.blocks().subList(1, layer.blocks().size()), x);
            } else if (layer.layer() instanceof Layer.MaxPool && pool++ >= firstStrideless) {
                x = slidingMax(x, dilation);
                // The removed stride: every later layer reads cells twice as far apart (FCN's rarefied filters).
                dilation *= 2;
            } else {
                x = forward(store, layer.blocks(), x);
            }
        }
        return net.head().scoreMap(store, new NDList(x), dilation).singletonOrThrow();
    }

    /**
     * The same map by shift-and-stitch: 4^r passes of the ordinary net after the layers they share.
     * Phases whose shifted map leaves no whole window add no cell, as the one pass has none there.
     */
    static NDArray stitched(VggNet net, ParameterStore store, NDArray images, int stridelessPools) {
        int firstStrideless = firstStrideless(net, stridelessPools);
        List<LayerBlocks> layers = layerBlocks(net);
        NDArray shared = images;
        int split = 0;
        for (int pool = 0; split < layers.size(); split++) {
            if (layers.get(split).layer() instanceof Layer.MaxPool && pool++ == firstStrideless) {
                break;
            }
            shared = forward(store, layers.get(split).blocks(), shared);
        }
        int phases = 1 << stridelessPools;
        int kernel = net.head().kernel();
        List<Phase> maps = new ArrayList<>();
        for (int rowPhase = 0; rowPhase < phases; rowPhase++) {
            for (int columnPhase = 0; columnPhase < phases; columnPhase++) {
                NDArray x = shared;
                int strideless = 0;
                boolean empty = false;
                for (LayerBlocks layer : layers.subList(split, layers.size())) {
                    if (layer.layer() instanceof Layer.MaxPool) {
                        int top = (rowPhase >> strideless) & 1;
                        int left = (columnPhase >> strideless) & 1;
                        strideless++;
                        if (x.getShape().get(2) - top < 2 || x.getShape().get(3) - left < 2) {
                            empty = true;
                            break;
                        }
                        x = x.get(":, :, {}:, {}:", top, left);
                    }
                    x = forward(store, layer.blocks(), x);
                }
                if (!empty && x.getShape().get(2) >= kernel && x.getShape().get(3) >= kernel) {
                    maps.add(new Phase(rowPhase, columnPhase,
                            net.head().scoreMap(store, new NDList(x)).singletonOrThrow()));
                }
            }
        }
        return interleave(maps, phases, images);
    }

    private record Phase(int row, int column, NDArray map) {}

    /** Cell (i, j) of the phase (p, q) map is cell (p + i·phases, q + j·phases) of the fine map. */
    private static NDArray interleave(List<Phase> maps, int phases, NDArray images) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no window of the training crop fits images " + images.getShape());
        }
        long n = maps.get(0).map().getShape().get(0);
        long classes = maps.get(0).map().getShape().get(1);
        int height = 0;
        int width = 0;
        for (Phase phase : maps) {
            height = Math.max(height, phase.row() + phases * (int) (phase.map().getShape().get(2) - 1) + 1);
            width = Math.max(width, phase.column() + phases * (int) (phase.map().getShape().get(3) - 1) + 1);
        }
        float[] fine = new float[(int) (n * classes * height * width)];
        int[] writes = new int[height * width];
        for (Phase phase : maps) {
            float[] cells = phase.map().toFloatArray();
            int h = (int) phase.map().getShape().get(2);
            int w = (int) phase.map().getShape().get(3);
            for (int plane = 0; plane < n * classes; plane++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        int row = phase.row() + phases * i;
                        int column = phase.column() + phases * j;
                        fine[(plane * height + row) * width + column] = cells[(plane * h + i) * w + j];
                        if (plane == 0) {
                            writes[row * width + column]++;
                        }
                    }
                }
            }
        }
        for (int cell = 0; cell < writes.length; cell++) {
            if (writes[cell] != 1) {
                throw new IllegalStateException("the phases wrote fine cell " + cell + " " + writes[cell] + " times");
            }
        }
        return images.getManager().create(fine, new Shape(n, classes, height, width));
    }

    /** The index among the max-pools of the first stride-less one. */
    private static int firstStrideless(VggNet net, int stridelessPools) {
        int pools = (int) net.spec().config().layers().stream().filter(Layer.MaxPool.class::isInstance).count();
        if (stridelessPools < 0 || stridelessPools > pools) {
            throw new IllegalArgumentException("stride-less pools must be in [0, " + pools + "], got " + stridelessPools);
        }
        return pools - stridelessPools;
    }

    /** One Table 1 layer and the blocks it became. */
    private record LayerBlocks(Layer layer, List<Block> blocks) {}

    private static List<LayerBlocks> layerBlocks(VggNet net) {
        List<Block> blocks = net.featureBlocks();
        List<LayerBlocks> layers = new ArrayList<>();
        int next = 0;
        for (Layer layer : net.spec().config().layers()) {
            int count = VggBuilder.blocksOf(layer, net.spec());
            layers.add(new LayerBlocks(layer, blocks.subList(next, next + count)));
            next += count;
        }
        if (next != blocks.size()) {
            throw new IllegalStateException("Table 1 accounts for " + next + " of " + blocks.size() + " feature blocks");
        }
        return layers;
    }

    private static NDArray forward(ParameterStore store, List<Block> blocks, NDArray x) {
        for (Block block : blocks) {
            x = block.forward(store, new NDList(x), false).singletonOrThrow();
        }
        return x;
    }

    /** The layer's own weights, read as the block reads them, with its taps {@code dilation} cells apart. */
    static NDArray convolve(ParameterStore store, Conv2d layer, NDArray x, int padding, int dilation) {
        NDArray weight = store.getValue(layer.getParameters().get("weight"), x.getDevice(), false);
        NDArray bias = store.getValue(layer.getParameters().get("bias"), x.getDevice(), false);
        return Conv2d.conv2d(x, weight, bias, new Shape(1, 1), new Shape(padding * dilation, padding * dilation),
                new Shape(dilation, dilation), 1).singletonOrThrow();
    }

    /**
     * A 2×2 max-pool moving by 1 over taps {@code dilation} apart: DJL's max-pool has no dilation, so
     * beyond the first stride-less pool the window's maximum is taken over shifted slices, rows then
     * columns.
     */
    private static NDArray slidingMax(NDArray x, int dilation) {
        if (dilation == 1) {
            return Pool.maxPool2d(x, new Shape(2, 2), new Shape(1, 1), new Shape(0, 0), false);
        }
        long height = x.getShape().get(2);
        long width = x.getShape().get(3);
        NDArray rows = x.get(":, :, :{}, :", height - dilation).maximum(x.get(":, :, {}:, :", dilation));
        return rows.get(":, :, :, :{}", width - dilation).maximum(rows.get(":, :, :, {}:", dilation));
    }
}
