package io.vggsuite.train;

import io.vggsuite.data.DatasetSplits;
import io.vggsuite.data.Datasets;
import io.vggsuite.data.ImageStore;
import io.vggsuite.data.Preprocessing;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads each {@link DataSpec} once per process and hands the same stores to every run that asks
 * for it, so a budget of twenty runs decodes its data once.
 */
public final class DataCatalog {

    /** The images of one {@link DataSpec}, with the preprocessing computed on its training images. */
    public record Loaded(String name, String checksum, ImageStore train, ImageStore validation, ImageStore test,
            Preprocessing preprocessing) {}

    private final Map<DataSpec, Loaded> loaded = new ConcurrentHashMap<>();

    public Loaded load(DataSpec spec) {
        return loaded.computeIfAbsent(spec, DataCatalog::read);
    }

    private static Loaded read(DataSpec spec) {
        DatasetSplits splits = splits(spec);
        ImageStore train = sample(splits.train(), spec.trainImages(), spec.splitSeed());
        ImageStore test = sample(splits.test(), spec.testImages(), spec.splitSeed() + 1);
        return new Loaded(splits.name(), splits.checksum(), train, splits.validation(), test, Preprocessing.of(train));
    }

    private static DatasetSplits splits(DataSpec spec) {
        // DataSpec accepts no other names.
        String name = spec.dataset();
        if (name.equals(DataSpec.CIFAR10)) {
            return Datasets.cifar10(spec.validationImages(), spec.splitSeed());
        }
        if (name.equals(DataSpec.FASHION_MNIST)) {
            return Datasets.fashionMnist(spec.validationImages(), spec.splitSeed());
        }
        return Datasets.imageFolder(Path.of(name.substring(DataSpec.IMAGE_FOLDER_PREFIX.length())),
                spec.validationImages(), spec.splitSeed());
    }

    /** A seeded random subset of {@code count} images (all when count is 0 or too large). */
    private static ImageStore sample(ImageStore store, int count, long seed) {
        if (count == 0 || count >= store.size()) {
            return store;
        }
        int[] order = new int[store.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(order, count);
        java.util.Arrays.sort(chosen);
        return store.subset(chosen);
    }
}
