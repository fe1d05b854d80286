package io.vggsuite.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The official CIFAR-10 binary distribution ({@code cifar-10-binary.tar.gz} from the dataset's
 * site, or its extracted {@code cifar-10-batches-bin/} folder): {@code data_batch_1.bin} …
 * {@code data_batch_5.bin} (training, in that order) and {@code test_batch.bin}, each a sequence of
 * 3,073-byte records: one label byte 0–9, then 1,024 red, 1,024 green and 1,024 blue bytes of a
 * 32×32 image, rows top to bottom. Class names come from {@code batches.meta.txt} when present.
 */
final class Cifar10Binary {

    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int RECORD_BYTES = 1 + SIDE * SIDE * CHANNELS;
    static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    static final String META_FILE = "batches.meta.txt";
    /** The dataset's own class order (label ids 0–9), which happens to be alphabetical. */
    static final List<String> CLASSES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    record Splits(ImageStore train, ImageStore test) {}

    private Cifar10Binary() {}

    static Splits load(Path tarballOrDirectory) {
        List<String> wanted = new ArrayList<>(TRAIN_FILES);
        wanted.add(TEST_FILE);
        wanted.add(META_FILE);
        Map<String, byte[]> files = new HashMap<>();
        for (ArchiveFiles.File file : ArchiveFiles.read(tarballOrDirectory, path -> wanted.contains(ArchiveFiles.fileName(path)))) {
            files.put(ArchiveFiles.fileName(file.path()), file.bytes());
        }
        List<String> classes = files.containsKey(META_FILE) ? classNames(tarballOrDirectory, files.get(META_FILE)) : CLASSES;
        List<byte[]> trainBatches = new ArrayList<>();
        List<String> trainNames = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            trainBatches.add(require(tarballOrDirectory, files, name));
            trainNames.add(name);
        }
        ImageStore train = decode(tarballOrDirectory, trainNames, trainBatches, classes);
        ImageStore test = decode(tarballOrDirectory, List.of(TEST_FILE), List.of(require(tarballOrDirectory, files, TEST_FILE)), classes);
        return new Splits(train, test);
    }

    private static byte[] require(Path source, Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new DataException(source + " lacks " + name + "; a CIFAR-10 binary distribution holds "
                    + String.join(", ", TRAIN_FILES) + " and " + TEST_FILE);
        }
        return bytes;
    }

    private static List<String> classNames(Path source, byte[] meta) {
        List<String> names = new String(meta, StandardCharsets.US_ASCII).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (names.size() != CLASSES.size()) {
            throw new DataException(META_FILE + " in " + source + " names " + names.size() + " classes " + names
                    + "; CIFAR-10 has " + CLASSES.size());
        }
        return names;
    }

    private static ImageStore decode(Path source, List<String> names, List<byte[]> batches, List<String> classes) {
        int total = 0;
        for (int b = 0; b < batches.size(); b++) {
            int length = batches.get(b).length;
            if (length == 0 || length % RECORD_BYTES != 0) {
                throw new DataException(names.get(b) + " in " + source + " has " + length + " bytes, not a positive whole"
                        + " number of " + RECORD_BYTES + "-byte records: it is truncated or not a CIFAR-10 batch");
            }
            total += length / RECORD_BYTES;
        }
        int plane = SIDE * SIDE;
        byte[] pixels = new byte[total * plane * CHANNELS];
        int[] labels = new int[total];
        int image = 0;
        for (int b = 0; b < batches.size(); b++) {
            byte[] batch = batches.get(b);
            for (int record = 0; record < batch.length / RECORD_BYTES; record++, image++) {
                int at = record * RECORD_BYTES;
                int label = batch[at] & 0xFF;
                if (label >= classes.size()) {
                    throw new DataException("label byte " + label + " of record " + record + " in " + names.get(b) + " in "
                            + source + " is outside 0.." + (classes.size() - 1));
                }
                labels[image] = label;
                // Planar (R plane, G plane, B plane) to interleaved HWC.
                int out = image * plane * CHANNELS;
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < CHANNELS; c++) {
                        pixels[out + p * CHANNELS + c] = batch[at + 1 + c * plane + p];
                    }
                }
            }
        }
        int[] sides = new int[total];
        Arrays.fill(sides, SIDE);
        return new ImageStore(CHANNELS, classes, labels, sides, sides.clone(), pixels);
    }
}
