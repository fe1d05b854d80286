package io.vggsuite.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.data.TestViews;
import io.vggsuite.eval.DenseWindows;
import io.vggsuite.eval.Evaluator;
import io.vggsuite.eval.Protocol;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.Devices;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What dense evaluation costs beside multi-crop and a centre crop, in test images per second, at the
 * quick budget's test scales (Q = 37, 55, 73 at crop 32, or those given) and batching (the
 * protocol's images per pass). The weights do not change the cost, so the net is freshly
 * initialised; the three protocols alternate over {@code rounds} rounds so that the machine's
 * drift falls on all of them, and the ratios printed are of times measured in the same rounds.
 *
 * <p>{@code java -cp ... io.vggsuite.benchmarks.DenseCost [config] [width] [images] [rounds] [Q,Q,…]}
 */
public final class DenseCost {

    private DenseCost() {}

    public static void main(String[] args) throws Exception {
        VggConfig config = VggConfig.fromName(args.length > 0 ? args[0] : "D");
        double width = args.length > 1 ? Double.parseDouble(args[1]) : 0.25;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int[] scales = args.length > 4 ? Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {37, 55, 73};
        int crop = 32;
        DataCatalog.Loaded images = new DataCatalog().load(DataSpec.of(DataSpec.CIFAR10).withTrainImages(2000)
                .withTestImages(n));
        VggSpec spec = VggSpec.of(config).withClasses(10).withWidth(width).withCrop(crop);
        try (NDManager manager = NDManager.newBaseManager(Devices.primary())) {
            VggNet net = VggBuilder.build(spec);
            Initialisation.GLOROT.applyTo(net);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, crop, crop));
            TestViews views = new TestViews(images.test(), images.preprocessing(), crop);
            for (int q : scales) {
                Protocol centre = new Protocol.CentreCrop(List.of(q));
                Protocol dense = new Protocol.Dense(List.of(q));
                Protocol multi = new Protocol.MultiCrop(List.of(q));
                double centreSeconds = 0;
                double denseSeconds = 0;
                double multiSeconds = 0;
                for (int round = 0; round < rounds; round++) {
                    centreSeconds += time(new Evaluator(net, manager, views,
                            centre.imagesPerPass(crop)), centre, n);
                    denseSeconds += time(new Evaluator(net, manager, views,
                            dense.imagesPerPass(crop)), dense, n);
                    multiSeconds += time(new Evaluator(net, manager, views,
                            multi.imagesPerPass(crop)), multi, n);
                }
                int windows = DenseWindows.windowStarts(q, crop).size();
                System.out.printf(Locale.ROOT, "%s width %s Q %d, %d test images × %d rounds: centre crop %.1f"
                        + " test img/s, dense (%d×%d windows ×2 flips, %d images per pass) %.1f test img/s,"
                        + " multi-crop (50 views) %.1f test img/s; dense/multi-crop speed %.2f×, centre/dense"
                        + " speed %.1f×%n", config.paperName(), width, q, n, rounds, n * rounds / centreSeconds,
                        windows, windows, dense.imagesPerPass(crop), n * rounds / denseSeconds,
                        n * rounds / multiSeconds, multiSeconds / denseSeconds, denseSeconds / centreSeconds);
            }
        }
    }

    private static double time(Evaluator evaluator, Protocol protocol, int n) {
        evaluator.evaluate(protocol, 0, Math.min(n, 4));
        long start = System.nanoTime();
        evaluator.evaluate(protocol, 0, n);
        return (System.nanoTime() - start) / 1e9;
    }
}
