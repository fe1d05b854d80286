package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad data of the loader's own tests, met through {@code train --dataset imagefolder:PATH}:
 * each is one error line that names what is wrong and where, a non-zero exit status, and no
 * results folder.
 */
@Tag("reliability")
class BadDataThroughCliTest {

    @TempDir
    Path scratch;

    private int tried;

    @Test
    void everyKindOfBadImageFolderIsOneLineNamingTheCulpritAndNoFolder(TestReporter reporter) throws Exception {
        Path good = TinyImageFolder.write(scratch.resolve("good"), 3, 2);

        refused(scratch.resolve("absent"), "absent");
        refused(Files.createDirectories(scratch.resolve("empty")), "empty");

        Path noTest = copyOf(good, "no-test");
        deleteTree(noTest.resolve("test"));
        refused(noTest, "test/<class>");

        Path classesDiffer = copyOf(good, "classes-differ");
        Files.move(classesDiffer.resolve("test/class3"), classesDiffer.resolve("test/class9"));
        refused(classesDiffer, "class9");

        Path oneClass = scratch.resolve("one-class");
        for (String split : List.of("train", "test")) {
            Files.createDirectories(oneClass.resolve(split));
            copyTree(good.resolve(split).resolve("class0"), oneClass.resolve(split).resolve("class0"));
        }
        refused(oneClass, "--dataset");

        Path notAnImage = copyOf(good, "not-an-image");
        Files.writeString(notAnImage.resolve("train/class1/000.png"), "this is not a PNG");
        refused(notAnImage, "000.png");

        Path truncatedImage = copyOf(good, "truncated-image");
        Path png = truncatedImage.resolve("test/class2/001.png");
        Files.write(png, Arrays.copyOf(Files.readAllBytes(png), 60));
        refused(truncatedImage, "001.png");

        Path emptyImage = copyOf(good, "empty-image");
        Files.write(emptyImage.resolve("train/class0/002.png"), new byte[0]);
        refused(emptyImage, "002.png");

        Path tarGz = tarGz(good, scratch.resolve("archives/tiny.tar.gz"));
        Path truncatedTar = scratch.resolve("truncated/tiny.tar.gz");
        Files.createDirectories(truncatedTar.getParent());
        byte[] tarBytes = Files.readAllBytes(tarGz);
        Files.write(truncatedTar, Arrays.copyOf(tarBytes, tarBytes.length / 2));
        refused(truncatedTar, "tiny.tar.gz");

        Path zip = zip(good, scratch.resolve("zip/tiny.zip"));
        byte[] zipBytes = Files.readAllBytes(zip);
        for (int i = zipBytes.length / 3; i < zipBytes.length; i += 97) {
            zipBytes[i] ^= (byte) 0xFF;
        }
        Files.write(zip, zipBytes);
        refused(zip, "tiny.zip");

        Path notAnArchive = scratch.resolve("tiny.rar");
        Files.writeString(notAnArchive, "neither a folder nor an archive");
        refused(notAnArchive, "tiny.rar");

        Path listed = scratch.resolve("listed/tiny.tar.gz");
        Files.createDirectories(listed.getParent());
        Files.copy(tarGz, listed);
        Files.writeString(listed.resolveSibling("SHA256SUMS"), HexFormat.of().formatHex(new byte[32]) + "  tiny.tar.gz\n");
        refused(listed, "checksum mismatch");

        assertEquals(12, tried);
        reporter.publishEntry("bad inputs refused through the CLI", Integer.toString(tried));
    }

    private void refused(Path dataset, String named) {
        Path results = scratch.resolve("results-" + tried);
        CliOutcome outcome = CliOutcome.run(List.of("train", "--config", "A", "--width", TinyNets.WIDTH_ARGUMENT, "--epochs", "1",
                "--validation-images", "2", "--dataset", "imagefolder:" + dataset, "--results", results.toString()));
        tried++;
        assertNotEquals(0, outcome.status(), dataset + ": " + outcome.err());
        assertEquals(1, outcome.errorLines().size(), dataset + ": " + outcome.err());
        assertTrue(outcome.err().startsWith("error: "), outcome.err());
        assertTrue(outcome.err().contains(named), dataset + ": the error does not name " + named + ": " + outcome.err());
        assertFalse(Files.exists(results), dataset + " created " + results);
    }

    private Path copyOf(Path source, String name) throws IOException {
        Path target = scratch.resolve(name);
        copyTree(source, target);
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path tarGz(Path folder, Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            for (Path image : filesUnder(folder)) {
                TarArchiveEntry entry = new TarArchiveEntry(folder.relativize(image).toString());
                entry.setSize(Files.size(image));
                tar.putArchiveEntry(entry);
                tar.write(Files.readAllBytes(image));
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private static Path zip(Path folder, Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Path image : filesUnder(folder)) {
                zip.putNextEntry(new ZipEntry(folder.relativize(image).toString()));
                zip.write(Files.readAllBytes(image));
                zip.closeEntry();
            }
        }
        return archive;
    }
}
