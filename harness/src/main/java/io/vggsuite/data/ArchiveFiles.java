package io.vggsuite.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the files of a directory or of a {@code .tar}, {@code .tar.gz}/{@code .tgz} or {@code .zip}
 * archive whose relative paths a filter accepts. Paths use '/' whatever the platform; a truncated
 * or corrupt archive is a {@link DataException} naming it.
 */
final class ArchiveFiles {

    /** A file's path relative to the directory or archive root, and its bytes. */
    record File(String path, byte[] bytes) {}

    private ArchiveFiles() {}

    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".zip");
    }

    /** The accepted files, sorted by path. */
    static List<File> read(Path source, Predicate<String> accept) {
        if (!Files.exists(source)) {
            throw new DataException("no such directory or archive: " + source);
        }
        List<File> files = new ArrayList<>();
        try {
            if (Files.isDirectory(source)) {
                readDirectory(source, accept, files);
            } else {
                String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".zip")) {
                    readZip(source, accept, files);
                } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                    try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(source)))) {
                        readStream(new TarArchiveInputStream(in), accept, files);
                    }
                } else if (name.endsWith(".tar")) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(source))) {
                        readStream(new TarArchiveInputStream(in), accept, files);
                    }
                } else {
                    throw new DataException(source + " is neither a directory nor a .tar, .tar.gz, .tgz or .zip archive");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException data) {
                throw data;
            }
            throw new DataException("cannot read " + source + ": it is truncated or corrupt (" + e + ")", e);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return Collections.unmodifiableList(files);
    }

    private static void readDirectory(Path root, Predicate<String> accept, List<File> files) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (accept.test(relative)) {
                    files.add(new File(relative, Files.readAllBytes(file)));
                }
            }
        }
    }

    private static void readStream(ArchiveInputStream<? extends ArchiveEntry> archive, Predicate<String> accept,
            List<File> files) throws IOException {
        ArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            if (!entry.isDirectory() && accept.test(normalise(entry.getName()))) {
                files.add(new File(normalise(entry.getName()), archive.readAllBytes()));
            }
        }
    }

    private static void readZip(Path source, Predicate<String> accept, List<File> files) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(source).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!entry.isDirectory() && accept.test(normalise(entry.getName()))) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.add(new File(normalise(entry.getName()), in.readAllBytes()));
                    }
                }
            }
        }
    }

    private static String normalise(String entryName) {
        String path = entryName.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /** The last name of a '/'-separated path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
