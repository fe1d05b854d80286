package io.vggsuite.reliability;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.data.DatasetSplits;
import io.vggsuite.data.Datasets;
import io.vggsuite.data.Preprocessing;
import io.vggsuite.data.TestViews;
import io.vggsuite.eval.Evaluator;
import io.vggsuite.eval.Protocol;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.testing.TinyImageFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code main(imageFolder, passes...)}: multi-crop evaluation of every test image, one pass after
 * another, printing "rss PASSES KB" (VmRSS of this JVM) after each group of passes, so a test can
 * compare resident memory after 1 and after 10 times as many batches.
 */
final class EvaluationSoak {

    /** Images per forward pass: 4 images × 50 crops = 200 views. */
    static final int IMAGES_PER_BATCH = 4;

    private EvaluationSoak() {}

    public static void main(String[] args) throws IOException {
        DatasetSplits splits = Datasets.imageFolder(Path.of(args[0]), 0, 1);
        Preprocessing preprocessing = Preprocessing.of(splits.train(), 1f);
        TestViews views = new TestViews(splits.test(), preprocessing, TinyImageFolder.SIZE);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = VggBuilder.build(VggSpec.of(VggConfig.A).withClasses(TinyImageFolder.CLASSES)
                    .withWidth(1.0 / 8).withCrop(32));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Evaluator evaluator = new Evaluator(net, manager, views, IMAGES_PER_BATCH);
            Protocol protocol = new Protocol.MultiCrop(List.of(48));
            int done = 0;
            for (int i = 1; i < args.length; i++) {
                int until = Integer.parseInt(args[i]);
                for (; done < until; done++) {
                    evaluator.evaluate(protocol, 0, views.size());
                }
                System.gc();
                System.out.println("rss " + done + " " + rssKb() + " views " + evaluator.viewsEvaluated());
            }
        }
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
