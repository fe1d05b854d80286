package io.vggsuite.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small learnable ImageFolder written by the tests: each class has its own colour and stripe
 * direction under per-pixel noise, so a few epochs separate the classes well above chance.
 */
public final class TinyImageFolder {

    public static final int CLASSES = 4;
    public static final int SIZE = 32;

    private TinyImageFolder() {}

    public static Path write(Path root, int trainPerClass, int testPerClass) throws IOException {
        Random random = new Random(42);
        for (int c = 0; c < CLASSES; c++) {
            writeSplit(root.resolve("train").resolve("class" + c), c, trainPerClass, random);
            writeSplit(root.resolve("test").resolve("class" + c), c, testPerClass, random);
        }
        return root;
    }

    private static void writeSplit(Path dir, int label, int count, Random random) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean stripe = ((label % 2 == 0 ? x : y) / 4) % 2 == 0;
                    int base = stripe ? 200 : 60;
                    int r = clamp(base + (label == 1 ? 50 : 0) + random.nextInt(41) - 20);
                    int g = clamp(base + (label == 2 ? 50 : 0) + random.nextInt(41) - 20);
                    int b = clamp(base + (label == 3 ? 50 : 0) + random.nextInt(41) - 20);
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            ImageIO.write(image, "png", dir.resolve(String.format("%03d.png", i)).toFile());
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
