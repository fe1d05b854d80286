package io.vggsuite.data;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The ImageFolder layout of ImageNet's folders and its subsets: {@code train/<class>/<image>} and
 * {@code test/<class>/<image>} (JPEG or PNG), possibly below one enclosing folder, read from a
 * directory or an archive. Class ids are the sorted folder names; train and test must have the same
 * classes. Images are decoded in parallel with {@code javax.imageio} and stored as RGB.
 */
final class ImageFolder {

    /** Decoded splits and a SHA-256 over the image files' paths and bytes in sorted order. */
    record Splits(ImageStore train, ImageStore test, String contentSha256) {}

    static final String TRAIN = "train";
    static final String TEST = "test";
    private static final int CHANNELS = 3;

    private ImageFolder() {}

    /**
     * @param requiredSize {height, width} every image must have (CIFAR's 32×32), if any
     */
    static Splits load(Path source, Optional<int[]> requiredSize) {
        List<ArchiveFiles.File> files = ArchiveFiles.read(source, ImageFolder::isImageInSplit);
        List<ArchiveFiles.File> train = new ArrayList<>();
        List<ArchiveFiles.File> test = new ArrayList<>();
        for (ArchiveFiles.File file : files) {
            (split(file.path()).equals(TRAIN) ? train : test).add(file);
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new DataException(source + " holds " + train.size() + " images under train/<class>/ and " + test.size()
                    + " under test/<class>/; an ImageFolder dataset needs both (JPEG or PNG files)");
        }
        Set<String> trainClasses = classNames(train);
        Set<String> testClasses = classNames(test);
        if (!trainClasses.equals(testClasses)) {
            Set<String> onlyTrain = new TreeSet<>(trainClasses);
            onlyTrain.removeAll(testClasses);
            Set<String> onlyTest = new TreeSet<>(testClasses);
            onlyTest.removeAll(trainClasses);
            throw new DataException("class folders of train and test differ in " + source + ": only in train " + onlyTrain
                    + ", only in test " + onlyTest);
        }
        List<String> classes = List.copyOf(trainClasses);
        Progress progress = Progress.start("decoding " + source.getFileName(), files.size());
        AtomicInteger done = new AtomicInteger();
        ImageStore trainStore = decode(source, train, classes, requiredSize, progress, done);
        ImageStore testStore = decode(source, test, classes, requiredSize, progress, done);
        progress.finish();
        return new Splits(trainStore, testStore, contentSha256(files));
    }

    private static boolean isImageInSplit(String path) {
        String[] parts = path.split("/");
        if (parts.length < 3) {
            return false;
        }
        String split = parts[parts.length - 3];
        String name = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        boolean image = name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
        // Names starting with a dot are editor and macOS metadata ("._0001.jpg"), not images.
        return (split.equals(TRAIN) || split.equals(TEST)) && image && !name.startsWith(".");
    }

    private static String split(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 3];
    }

    private static String className(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }

    private static Set<String> classNames(List<ArchiveFiles.File> files) {
        Set<String> names = new TreeSet<>();
        for (ArchiveFiles.File file : files) {
            names.add(className(file.path()));
        }
        return names;
    }

    private static ImageStore decode(Path source, List<ArchiveFiles.File> files, List<String> classes,
            Optional<int[]> requiredSize, Progress progress, AtomicInteger done) {
        int n = files.size();
        byte[][] images = new byte[n][];
        int[] heights = new int[n];
        int[] widths = new int[n];
        int[] labels = new int[n];
        Map<String, Integer> labelOf = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            labelOf.put(classes.get(c), c);
        }
        // Report the first bad image in path order whatever the threads' timing: images after the
        // earliest failure found so far are skipped, images before it are still checked.
        DataException[] errors = new DataException[n];
        AtomicInteger firstError = new AtomicInteger(n);
        IntStream.range(0, n).parallel().forEach(i -> {
            if (i > firstError.get()) {
                return;
            }
            try {
                ArchiveFiles.File file = files.get(i);
                BufferedImage image = read(source, file);
                if (requiredSize.isPresent()
                        && (image.getHeight() != requiredSize.get()[0] || image.getWidth() != requiredSize.get()[1])) {
                    throw new DataException("image " + file.path() + " in " + source + " is " + image.getHeight() + "×"
                            + image.getWidth() + " (height×width); this dataset requires every image to be "
                            + requiredSize.get()[0] + "×" + requiredSize.get()[1]);
                }
                images[i] = rgb(image);
                heights[i] = image.getHeight();
                widths[i] = image.getWidth();
                labels[i] = labelOf.get(className(file.path()));
                progress.update(done.incrementAndGet());
            } catch (DataException e) {
                errors[i] = e;
                firstError.accumulateAndGet(i, Math::min);
            }
        });
        if (firstError.get() < n) {
            throw errors[firstError.get()];
        }
        return ImageStore.concatenate(CHANNELS, classes, labels, images, heights, widths);
    }

    private static BufferedImage read(Path source, ArchiveFiles.File file) {
        // A memory-backed stream: ImageIO.read(InputStream) would go through a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file.bytes()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException("cannot decode image " + file.path() + " in " + source
                        + ": no image reader recognises its " + file.bytes().length + " bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException data) {
                throw data;
            }
            throw new DataException("cannot decode image " + file.path() + " in " + source + ": " + e, e);
        }
    }

    /** RGB bytes, HWC interleaved; grayscale images are replicated into three channels. */
    static byte[] rgb(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        byte[] out = new byte[height * width * CHANNELS];
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 3 && model.getScanlineStride() == width * 3 && raster.getParent() == null) {
            // Fast path for baseline JPEGs: swap BGR to RGB straight from the decoded bytes.
            byte[] bgr = ((DataBufferByte) raster.getDataBuffer()).getData();
            int[] bandOffsets = model.getBandOffsets();
            for (int p = 0; p < height * width; p++) {
                out[3 * p] = bgr[3 * p + bandOffsets[0]];
                out[3 * p + 1] = bgr[3 * p + bandOffsets[1]];
                out[3 * p + 2] = bgr[3 * p + bandOffsets[2]];
            }
            return out;
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // getRGB would convert linear gray to sRGB and change the values; copy the samples.
            int[] gray = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            for (int p = 0; p < gray.length; p++) {
                out[3 * p] = (byte) gray[p];
                out[3 * p + 1] = (byte) gray[p];
                out[3 * p + 2] = (byte) gray[p];
            }
            return out;
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int p = 0; p < argb.length; p++) {
            out[3 * p] = (byte) (argb[p] >> 16);
            out[3 * p + 1] = (byte) (argb[p] >> 8);
            out[3 * p + 2] = (byte) argb[p];
        }
        return out;
    }

    private static String contentSha256(List<ArchiveFiles.File> files) {
        MessageDigest digest = Checksum.MessageDigests.of("SHA-256");
        for (ArchiveFiles.File file : files) {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.bytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
