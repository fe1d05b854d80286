package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void failingBodyLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("epochs.csv");
        AtomicFiles.write(target, out -> out.write("old\n"));

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new conte");
            out.flush();
            throw new IOException("disk full");
        }));

        assertEquals("disk full", thrown.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void runtimeFailureAlsoLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("status");
        AtomicFiles.write(target, out -> out.write("complete\n"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeBytes(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("complete\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void replacesTheWholeFileAndCreatesMissingFolders() throws IOException {
        Path target = dir.resolve("a/b/file.txt");
        AtomicFiles.write(target, out -> out.write("a much longer first version\n"));
        AtomicFiles.write(target, out -> out.write("short\n"));
        assertEquals("short\n", Files.readString(target));
    }

    /** Not owner-only, as Files.createTempFile would leave it: a results folder is shared on a cluster. */
    @Test
    void aWrittenFileGetsTheUmasksPermissionsLikeAnyOtherNewFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written.csv");
        AtomicFiles.write(written, w -> w.write("a\n"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void aBodyThatClosesItsStreamStillCommits() throws IOException {
        Path target = dir.resolve("bytes.bin");
        AtomicFiles.writeBytes(target, out -> {
            out.write(new byte[] {1, 2, 3});
            out.close();
        });
        assertEquals(3, Files.size(target));
        assertFalse(listing().stream().anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
