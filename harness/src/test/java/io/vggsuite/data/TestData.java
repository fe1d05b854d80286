package io.vggsuite.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small synthetic images, stores, files and archives that the data tests write themselves. */
final class TestData {

    private TestData() {}

    /** A store of random RGB images of the given sizes ({height, width} pairs), labels i mod classes. */
    static ImageStore randomStore(long seed, int channels, int classes, int[]... sizes) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] images = new byte[sizes.length][];
        int[] heights = new int[sizes.length];
        int[] widths = new int[sizes.length];
        int[] labels = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            heights[i] = sizes[i][0];
            widths[i] = sizes[i][1];
            images[i] = new byte[heights[i] * widths[i] * channels];
            for (int k = 0; k < images[i].length; k++) {
                images[i][k] = (byte) random.nextInt(256);
            }
            labels[i] = i % classes;
        }
        return ImageStore.concatenate(channels, classNames(classes), labels, images, heights, widths);
    }

    /** {@code count} random images of one size. */
    static ImageStore randomStore(long seed, int channels, int classes, int count, int height, int width) {
        int[][] sizes = new int[count][];
        Arrays.fill(sizes, new int[] {height, width});
        return randomStore(seed, channels, classes, sizes);
    }

    static List<String> classNames(int classes) {
        return java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class" + c).toList();
    }

    /** An RGB image whose pixel (y, x) is (10y + x, 100 + seed, 3x + y) mod 256: every pixel tells where it is. */
    static BufferedImage positionImage(int height, int width, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (10 * y + x) & 0xFF;
                int g = (100 + seed) & 0xFF;
                int b = (3 * x + y) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Writes each entry (relative path → bytes) under {@code root}. */
    static Path writeFolder(Path root, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = root.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return root;
    }

    /** A .tar, .tar.gz/.tgz or .zip archive of the entries, chosen by the file name. */
    static Path writeArchive(Path archive, Map<String, byte[]> entries) throws IOException {
        String name = archive.getFileName().toString();
        try (OutputStream file = Files.newOutputStream(archive)) {
            if (name.endsWith(".zip")) {
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
                    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                        zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                        zip.write(entry.getValue());
                        zip.closeArchiveEntry();
                    }
                }
            } else {
                OutputStream stream = name.endsWith(".gz") || name.endsWith(".tgz") ? new GzipCompressorOutputStream(file) : file;
                try (TarArchiveOutputStream tar = new TarArchiveOutputStream(stream)) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                        TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                        tarEntry.setSize(entry.getValue().length);
                        tar.putArchiveEntry(tarEntry);
                        tar.write(entry.getValue());
                        tar.closeArchiveEntry();
                    }
                }
            }
        }
        return archive;
    }

    /** One CIFAR-10 binary record: label byte, then the R, G and B planes of a 32×32 image. */
    static byte[] cifarRecord(int label, int seed) {
        byte[] record = new byte[Cifar10Binary.RECORD_BYTES];
        record[0] = (byte) label;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                record[1 + c * 1024 + p] = (byte) (p * (c + 1) + seed);
            }
        }
        return record;
    }

    /** A CIFAR-10 batch file's bytes of {@code records} records, labels (first + k) mod 10. */
    static byte[] cifarBatch(int records, int first) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < records; k++) {
            out.writeBytes(cifarRecord((first + k) % 10, first + k));
        }
        return out.toByteArray();
    }

    /** The files of a small official-layout tarball: 2 records per training batch, 3 test records. */
    static Map<String, byte[]> cifarBinaryEntries() {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int b = 1; b <= 5; b++) {
            entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin", cifarBatch(2, 2 * (b - 1)));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", cifarBatch(3, 50));
        entries.put("cifar-10-batches-bin/batches.meta.txt",
                String.join("\n", Cifar10Binary.CLASSES).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return entries;
    }

    /** Files under {@code folder}, recursively (to check that nothing was left behind). */
    static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
