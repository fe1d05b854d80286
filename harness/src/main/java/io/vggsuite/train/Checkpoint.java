package io.vggsuite.train;

import io.vggsuite.results.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One checkpoint file per epoch ({@code epoch-0007.ckpt}): a header, the body ({@link
 * CheckpointBody}: schedule state, parameters, momentum buffers, in the layout {@link #VERSION}
 * numbers) and a SHA-256 of everything before it.
 * A truncated or corrupt file fails the checksum and is passed over for the one before it. The
 * two newest are kept.
 */
final class Checkpoint {

    private static final int MAGIC = 0x56474743; // "VGGC"
    /** The layout of {@link CheckpointBody}; files of another are passed over, never misread. */
    static final int VERSION = 1;
    private static final int KEEP = 2;
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})\\.ckpt");

    /** Writes the body of a checkpoint. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** A checkpoint whose checksum held. */
    record Verified(int epoch, Path file, byte[] body) {
        DataInputStream open() {
            return new DataInputStream(new ByteArrayInputStream(body));
        }
    }

    /** Why a checkpoint file was passed over. */
    record Rejected(Path file, String reason) {}

    private Checkpoint() {}

    static Path write(Path dir, int epoch, Body body) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("epoch-%04d.ckpt", epoch));
        try {
            // Streamed through the digest: a full-width net's parameters and momentum buffers are
            // ~1 GB at 224 crops, too much to hold in the heap a second time before writing.
            AtomicFiles.writeBytes(file, out -> {
                MessageDigest digest = newSha256();
                DataOutputStream data = new DataOutputStream(new DigestOutputStream(out, digest));
                data.writeInt(MAGIC);
                data.writeInt(VERSION);
                data.writeInt(epoch);
                body.write(data);
                data.flush();
                out.write(digest.digest());
            });
        } catch (IOException e) {
            // A full disk says only "No space left on device"; name the file it could not write.
            throw new IOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
        prune(dir);
        return file;
    }

    /**
     * The newest checkpoint that verifies; files that do not are listed in {@code rejected}
     * (newest first) so the caller can say what it fell back from.
     */
    static Optional<Verified> latest(Path dir, List<Rejected> rejected) throws IOException {
        for (Path file : newestFirst(dir)) {
            byte[] all = Files.readAllBytes(file);
            Optional<String> problem = problem(file, all);
            if (problem.isPresent()) {
                rejected.add(new Rejected(file, problem.get()));
                continue;
            }
            int epoch = epochOf(file);
            return Optional.of(new Verified(epoch, file, Arrays.copyOfRange(all, 12, all.length - 32)));
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Path file, byte[] all) throws IOException {
        if (all.length < 12 + 32) {
            return Optional.of("truncated (" + all.length + " bytes)");
        }
        byte[] content = Arrays.copyOfRange(all, 0, all.length - 32);
        byte[] stored = Arrays.copyOfRange(all, all.length - 32, all.length);
        if (!MessageDigest.isEqual(sha256(content), stored)) {
            return Optional.of("checksum mismatch (corrupt or truncated)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return Optional.of("not a checkpoint of this version");
            }
            if (in.readInt() != epochOf(file)) {
                return Optional.of("epoch in the file differs from its name");
            }
        }
        return Optional.empty();
    }

    /** Removes every checkpoint after {@code epoch}: used when falling back to an older one. */
    static void discardAfter(Path dir, int epoch) throws IOException {
        for (Path file : newestFirst(dir)) {
            if (epochOf(file) > epoch) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void prune(Path dir) throws IOException {
        List<Path> files = newestFirst(dir);
        for (int i = KEEP; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    private static List<Path> newestFirst(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .toList());
            found.sort(Comparator.comparingInt(Checkpoint::epochOf).reversed());
            return found;
        }
    }

    private static int epochOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint file name: " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    private static byte[] sha256(byte[] content) {
        return newSha256().digest(content);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
