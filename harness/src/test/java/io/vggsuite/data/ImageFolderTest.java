package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ImageFolder loader reads folders and archives alike, exactly, and refuses bad input clearly. */
class ImageFolderTest {

    @TempDir
    Path temp;

    /** Two classes in each split, PNGs (lossless), deliberately listed out of order. */
    private static Map<String, byte[]> smallDataset() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("train/zebra/b.png", TestData.png(TestData.positionImage(5, 7, 1)));
        entries.put("train/ant/a.png", TestData.png(TestData.positionImage(6, 4, 2)));
        entries.put("train/zebra/a.png", TestData.png(TestData.positionImage(3, 3, 3)));
        entries.put("test/ant/x.png", TestData.png(TestData.positionImage(4, 4, 4)));
        entries.put("test/zebra/y.png", TestData.png(TestData.positionImage(4, 5, 5)));
        entries.put("README.txt", "not an image".getBytes());
        entries.put("train/zebra/notes.txt", "ignored".getBytes());
        return entries;
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "data.tar", "data.tar.gz", "data.tgz", "data.zip"})
    void readsTheSameImagesFromAFolderAndEveryArchiveKind(String kind) throws IOException {
        Path source = kind.equals("folder")
                ? TestData.writeFolder(temp.resolve("data"), smallDataset())
                : TestData.writeArchive(temp.resolve(kind), smallDataset());
        ImageFolder.Splits splits = ImageFolder.load(source, Optional.empty());
        ImageStore train = splits.train();
        assertEquals(List.of("ant", "zebra"), train.classes());
        assertEquals(3, train.size());
        // Sorted by path: train/ant/a, train/zebra/a, train/zebra/b.
        assertArrayEquals(new int[] {0, 1, 1}, new int[] {train.label(0), train.label(1), train.label(2)});
        assertArrayEquals(new int[] {6, 3, 5}, new int[] {train.height(0), train.height(1), train.height(2)});
        assertArrayEquals(new int[] {4, 3, 7}, new int[] {train.width(0), train.width(1), train.width(2)});
        // PNG is lossless: every value is the one written.
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals((10 * y + x) & 0xFF, train.pixel(2, y, x, 0));
                assertEquals(101, train.pixel(2, y, x, 1));
                assertEquals((3 * x + y) & 0xFF, train.pixel(2, y, x, 2));
            }
        }
        assertEquals(2, splits.test().size());
        assertEquals(1, splits.test().label(1));
    }

    @Test
    void findsTheLayoutBelowOneEnclosingFolder() throws IOException {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        smallDataset().forEach((path, bytes) -> nested.put("imagenet-subset/" + path, bytes));
        ImageFolder.Splits splits = ImageFolder.load(TestData.writeArchive(temp.resolve("n.tar.gz"), nested), Optional.empty());
        assertEquals(3, splits.train().size());
        assertEquals(List.of("ant", "zebra"), splits.test().classes());
    }

    @Test
    void decodesJpegAndGrayscaleAsRgb() throws IOException {
        java.awt.image.BufferedImage gray = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 2, 0, 77);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("train/a/gray.png", TestData.png(gray));
        entries.put("train/b/colour.jpg", TestData.jpeg(TestData.positionImage(8, 8, 0)));
        entries.put("test/a/x.png", TestData.png(gray));
        entries.put("test/b/y.png", TestData.png(gray));
        ImageStore train = ImageFolder.load(TestData.writeFolder(temp.resolve("d"), entries), Optional.empty()).train();
        assertEquals(3, train.channels());
        for (int c = 0; c < 3; c++) {
            assertEquals(77, train.pixel(0, 2, 1, c), "gray value copied unchanged into channel " + c);
        }
        // JPEG is lossy; the green channel (constant 100) survives within a few levels.
        assertEquals(100, train.pixel(1, 4, 4, 1), 4);
    }

    @Test
    void truncatedArchiveIsRefusedNamingTheFile() throws IOException {
        Path archive = TestData.writeArchive(temp.resolve("cut.tar.gz"), smallDataset());
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
        DataException error = assertThrows(DataException.class, () -> ImageFolder.load(archive, Optional.empty()));
        assertTrue(error.getMessage().contains(archive.toString()) && error.getMessage().contains("truncated"),
                error.getMessage());
    }

    @Test
    void corruptArchiveIsRefusedNamingTheFile() throws IOException {
        Path archive = temp.resolve("garbage.tar.gz");
        Files.write(archive, "this is not gzip data at all".getBytes());
        DataException error = assertThrows(DataException.class, () -> ImageFolder.load(archive, Optional.empty()));
        assertTrue(error.getMessage().contains(archive.toString()), error.getMessage());
        Path zip = temp.resolve("garbage.zip");
        Files.write(zip, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        DataException zipError = assertThrows(DataException.class, () -> ImageFolder.load(zip, Optional.empty()));
        assertTrue(zipError.getMessage().contains(zip.toString()), zipError.getMessage());
    }

    @Test
    void undecodableImageIsNamed() throws IOException {
        Map<String, byte[]> entries = smallDataset();
        entries.put("train/ant/broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Path archive = TestData.writeArchive(temp.resolve("b.tar"), entries);
        DataException error = assertThrows(DataException.class, () -> ImageFolder.load(archive, Optional.empty()));
        assertTrue(error.getMessage().contains("train/ant/broken.jpg") && error.getMessage().contains(archive.toString()),
                error.getMessage());
    }

    @Test
    void anImageOfTheWrongSizeIsNamedWhereOneSizeIsRequired() throws IOException {
        Path folder = TestData.writeFolder(temp.resolve("d"), smallDataset());
        DataException error = assertThrows(DataException.class,
                () -> ImageFolder.load(folder, Optional.of(new int[] {4, 4})));
        assertTrue(error.getMessage().contains("train/ant/a.png") && error.getMessage().contains("6×4")
                && error.getMessage().contains("4×4"), error.getMessage());
    }

    @Test
    void classFoldersThatDifferBetweenTrainAndTestAreListed() throws IOException {
        Map<String, byte[]> entries = smallDataset();
        entries.put("test/bee/z.png", TestData.png(TestData.positionImage(4, 4, 9)));
        Path folder = TestData.writeFolder(temp.resolve("d"), entries);
        DataException error = assertThrows(DataException.class, () -> ImageFolder.load(folder, Optional.empty()));
        assertTrue(error.getMessage().contains("only in test [bee]") && error.getMessage().contains(folder.toString()),
                error.getMessage());
    }

    @Test
    void anArchiveWithoutTheLayoutSaysWhatItNeeds() throws IOException {
        Path archive = TestData.writeArchive(temp.resolve("flat.zip"), Map.of("a.png", TestData.png(TestData.positionImage(2, 2, 0))));
        DataException error = assertThrows(DataException.class, () -> ImageFolder.load(archive, Optional.empty()));
        assertTrue(error.getMessage().contains("train/<class>/"), error.getMessage());
    }

    @Test
    void imageFolderDatasetsAreCachedAndChecksummedAndAMismatchLeavesNothing() throws IOException {
        Path archive = TestData.writeArchive(temp.resolve("set.tar.gz"), smallDataset());
        Path cacheFolder = temp.resolve("stores");
        DatasetLoader loader = new DatasetLoader(DataLocatorTest.isolated(temp), new StoreCache(cacheFolder));
        DatasetSplits first = loader.imageFolder(archive, ValidationSplit.images(1, 3));
        assertEquals(2, first.train().size());
        assertEquals(1, first.validation().size());
        assertEquals("sha256:" + Checksum.compute(archive, "SHA-256"), first.checksum());
        assertEquals(1, TestData.filesUnder(cacheFolder).size(), "one store file");
        DatasetSplits second = loader.imageFolder(archive, ValidationSplit.images(1, 3));
        assertArrayEquals(first.train().pixels(1), second.train().pixels(1));

        Path other = TestData.writeArchive(temp.resolve("other.tar.gz"), smallDataset());
        Files.writeString(temp.resolve("SHA256SUMS"), "0".repeat(64) + "  other.tar.gz\n");
        DataException error = assertThrows(DataException.class,
                () -> loader.imageFolder(other, ValidationSplit.images(0, 3)));
        assertTrue(error.getMessage().contains("checksum mismatch") && error.getMessage().contains("other.tar.gz"),
                error.getMessage());
        assertEquals(1, TestData.filesUnder(cacheFolder).size(), "no store written for the mismatching archive");
    }

    @Test
    void aFailedDecodeLeavesNoStoreBehind() throws IOException {
        Map<String, byte[]> entries = smallDataset();
        entries.put("test/zebra/broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Path archive = TestData.writeArchive(temp.resolve("bad.tar.gz"), entries);
        Path cacheFolder = temp.resolve("stores");
        DatasetLoader loader = new DatasetLoader(DataLocatorTest.isolated(temp), new StoreCache(cacheFolder));
        DataException error = assertThrows(DataException.class, () -> loader.imageFolder(archive, ValidationSplit.images(0, 1)));
        assertTrue(error.getMessage().contains("test/zebra/broken.png"), error.getMessage());
        assertEquals(List.of(), TestData.filesUnder(cacheFolder));
    }
}
