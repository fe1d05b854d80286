package io.vggsuite.benchmarks;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TestViews;
import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.Evaluator;
import io.vggsuite.eval.Protocol;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.Devices;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a trained run's test error is under each way of filling dense evaluation's window borders
 * ({@link DensePadding}), beside its centre crop, at one test scale: the measurement behind a
 * budget's choice of padding. It reads the run's weights and key from its folder and evaluates
 * every test image of the run's data; nothing is written.
 *
 * <p>{@code java -cp ... io.vggsuite.benchmarks.DensePaddingCheck <results folder> <run id> [paper Q]}
 * (the paper's Q, mapped to the run's crop; the run's own paper training scale unless given, the
 * middle of a jittered range).
 */
public final class DensePaddingCheck {

    private DensePaddingCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DensePaddingCheck <results folder> <run id> [paper Q]");
            System.exit(2);
        }
        RunFolder folder = ResultsRoot.at(Path.of(args[0])).run(args[1]);
        RunKey key = folder.key().orElseThrow(() -> new IllegalArgumentException(
                "no " + RunFolder.KEY_FILE + " in " + folder.dir() + ": not a run folder of the suite"));
        Path weights = folder.dir().resolve("model.params");
        if (!Files.isRegularFile(weights)) {
            throw new IllegalArgumentException("no trained weights at " + weights + ": the run is not complete");
        }
        int paperQ = args.length > 2 ? Integer.parseInt(args[2]) : key.paperScale().singleTestScale();
        int q = ScaleMapping.forCrop(key.crop()).map(paperQ);
        RunKey.Data d = key.data();
        DataCatalog.Loaded images = new DataCatalog().load(DataSpec.of(d.dataset()).withTrainImages(d.trainImages())
                .withValidationImages(d.validationImages()).withTestImages(d.testImages()).withSplitSeed(d.splitSeed()));
        VggSpec spec = VggSpec.of(key.config()).withClasses(images.train().classes().size())
                .withInputChannels(images.train().channels()).withWidth(key.width()).withCrop(key.crop())
                .withVariant(key.variant());
        try (NDManager manager = NDManager.newBaseManager(Devices.primary())) {
            VggNet net = VggBuilder.build(spec);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, images.train().channels(), key.crop(), key.crop()));
            try (InputStream file = Files.newInputStream(weights);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
                net.loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException("trained model " + weights + " is unreadable: " + e.getMessage(), e);
            }
            TestViews views = new TestViews(images.test(), images.preprocessing(), key.crop());
            System.out.printf(Locale.ROOT, "%s, %,d test images, Q %d (paper %d), crop %d%n", key.runId(),
                    views.size(), q, paperQ, key.crop());
            List<Protocol> protocols = List.of(new Protocol.CentreCrop(List.of(q)),
                    new Protocol.Dense(List.of(q), true, DensePadding.NEIGHBOURS),
                    new Protocol.Dense(List.of(q), true, DensePadding.ZEROS));
            for (Protocol protocol : protocols) {
                long start = System.nanoTime();
                Scores scores = new Evaluator(net, manager, views, protocol.imagesPerPass(key.crop()))
                        .evaluate(protocol, 0, views.size());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-34s top-1 %6.2f%%  top-5 %5.2f%%  (%.0f s)%n", label(protocol),
                        scores.top1Error(), scores.top5Error(), seconds);
            }
        }
    }

    private static String label(Protocol protocol) {
        if (protocol instanceof Protocol.Dense dense) {
            return dense.padding() == DensePadding.NEIGHBOURS ? "dense, one pass (neighbours), flip"
                    : "dense, windows alone (zeros), flip";
        }
        return "centre crop";
    }
}
