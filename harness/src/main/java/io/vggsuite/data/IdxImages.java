package io.vggsuite.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al.): an images file ({@code *-idx3-ubyte},
 * magic 0x00000803, then count, rows, columns as big-endian ints, then one byte per pixel) and a
 * labels file ({@code *-idx1-ubyte}, magic 0x00000801, then count, then one byte per label),
 * optionally gzipped. Gives a one-channel store.
 */
final class IdxImages {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxImages() {}

    static ImageStore load(Path imagesFile, Path labelsFile, List<String> classes) {
        ByteBuffer images = ByteBuffer.wrap(read(imagesFile));
        ByteBuffer labels = ByteBuffer.wrap(read(labelsFile));
        int imagesMagic = header(imagesFile, images, "magic number");
        if (imagesMagic != IMAGES_MAGIC) {
            throw new DataException(imagesFile + " has magic number 0x" + String.format("%08x", imagesMagic)
                    + "; an IDX images file starts with 0x" + String.format("%08x", IMAGES_MAGIC));
        }
        int count = header(imagesFile, images, "image count");
        int rows = header(imagesFile, images, "row count");
        int columns = header(imagesFile, images, "column count");
        if (count < 0 || rows < 1 || columns < 1) {
            throw new DataException(imagesFile + " declares " + count + " images of " + rows + "×" + columns);
        }
        long expected = 16L + (long) count * rows * columns;
        if (images.capacity() != expected) {
            throw new DataException(imagesFile + " has " + images.capacity() + " bytes but its header declares " + count
                    + " images of " + rows + "×" + columns + ", which need " + expected);
        }
        int labelsMagic = header(labelsFile, labels, "magic number");
        if (labelsMagic != LABELS_MAGIC) {
            throw new DataException(labelsFile + " has magic number 0x" + String.format("%08x", labelsMagic)
                    + "; an IDX labels file starts with 0x" + String.format("%08x", LABELS_MAGIC));
        }
        int labelCount = header(labelsFile, labels, "label count");
        if (labelCount != count) {
            throw new DataException(labelsFile + " declares " + labelCount + " labels but " + imagesFile + " declares "
                    + count + " images");
        }
        if (labels.capacity() != 8L + labelCount) {
            throw new DataException(labelsFile + " has " + labels.capacity() + " bytes but its header declares "
                    + labelCount + " labels, which need " + (8L + labelCount));
        }
        int[] labelIds = new int[count];
        for (int i = 0; i < count; i++) {
            int label = labels.get(8 + i) & 0xFF;
            if (label >= classes.size()) {
                throw new DataException("label " + label + " of image " + i + " in " + labelsFile + " is outside 0.."
                        + (classes.size() - 1));
            }
            labelIds[i] = label;
        }
        byte[] pixels = Arrays.copyOfRange(images.array(), 16, images.capacity());
        int[] heights = new int[count];
        int[] widths = new int[count];
        Arrays.fill(heights, rows);
        Arrays.fill(widths, columns);
        return new ImageStore(1, classes, labelIds, heights, widths, pixels);
    }

    private static int header(Path file, ByteBuffer buffer, String field) {
        if (buffer.remaining() < Integer.BYTES) {
            throw new DataException(file + " ends (" + buffer.capacity() + " bytes) before the IDX header's " + field);
        }
        return buffer.getInt();
    }

    private static byte[] read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": it is missing, truncated or corrupt (" + e + ")", e);
        }
    }
}
