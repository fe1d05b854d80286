package io.vggsuite.results;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never a half file:
 * the body writes a temporary file in the same folder, which is flushed to disk and then renamed
 * over the target in one atomic step. A run killed mid-write leaves the old file and at most a
 * stray {@code .tmp} file.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes UTF-8 text. The body must not close the writer. */
    public static void write(Path target, IoConsumer<Writer> body) throws IOException {
        writeBytes(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.accept(writer);
            writer.flush();
        });
    }

    /** Writes bytes. The body must not close the stream (closing it only flushes). */
    public static void writeBytes(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = newTemporaryFile(dir, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.accept(new FlushOnClose(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * A new empty {@code .NAME.RANDOM.tmp} in {@code dir}, created with the process's umask like any
     * other file it writes. {@link Files#createTempFile} would make it owner-only (0600), and the
     * rename keeps that: every result file would then be unreadable to the other users of a results
     * folder shared on a cluster, or to a container running as another user.
     */
    private static Path newTemporaryFile(Path dir, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes the rename itself durable. Linux allows forcing a directory opened for reading; where
     * the platform refuses, the rename is still atomic, only possibly not yet on disk after a crash.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported on this platform (e.g. Windows); atomicity does not depend on it.
        }
    }

    /** Keeps a body that closes its stream from closing the channel before it is forced. */
    private static final class FlushOnClose extends FilterOutputStream {
        FlushOnClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
