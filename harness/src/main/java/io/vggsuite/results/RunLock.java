package io.vggsuite.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on one run folder, so two processes never train or evaluate the same run at
 * once. An operating-system file lock: it goes away when the holder exits, even if killed, so a
 * stale lock file never blocks a resumed run. The holder's process id is written into the file for
 * the error message.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE_NAME = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(String runId, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Optional<FileLock> lock;
        try {
            lock = tryLock(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock.isEmpty()) {
            String holder = holder(file);
            channel.close();
            throw new IOException("run '" + runId + "' is locked by another process or handle" + holder
                    + ": " + dir + " (lock file " + file + "); wait for it to finish or stop it");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new RunLock(channel, lock.get());
    }

    private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
        try {
            return Optional.ofNullable(channel.tryLock());
        } catch (OverlappingFileLockException e) {
            // This JVM holds it already, through another channel.
            return Optional.empty();
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    public boolean isHeld() {
        return lock.isValid();
    }

    /** Releases the lock; the lock file stays (deleting it would race with the next locker). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
