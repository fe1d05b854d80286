package io.vggsuite.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Decoded stores kept on disk, so that decoding 60,000 JPEGs happens once per machine and later
 * JVMs load the result in a fraction of a second. One file per key (the source's checksum and the
 * decoder's format version), written to a temporary file and renamed into place, so a reader never
 * sees half a file; a CRC-32C over the content is checked on every read, and a file that fails it
 * is deleted and treated as absent.
 */
public final class StoreCache {

    /** Bump when decoding changes, so that stores decoded the old way are not reused. */
    static final int FORMAT_VERSION = 1;

    private static final long MAGIC = 0x5647475354524531L; // "VGGSTRE1"

    private final Optional<Path> directory;

    public StoreCache(Path directory) {
        this.directory = Optional.of(directory);
    }

    private StoreCache() {
        this.directory = Optional.empty();
    }

    /** A cache that keeps nothing: every load decodes (for timing the decoder). */
    public static StoreCache none() {
        return new StoreCache();
    }

    /** {@code ~/.cache/vgg-suite/stores}. */
    public static StoreCache standard() {
        return new StoreCache(Path.of(System.getProperty("user.home"), ".cache", "vgg-suite", "stores"));
    }

    /** The folder of the store files; empty for {@link #none()}. */
    public Optional<Path> directory() {
        return directory;
    }

    Path file(String key) {
        return directory.orElseThrow().resolve(key + "-v" + FORMAT_VERSION + ".store");
    }

    /** The stores saved under {@code key}, if a complete and intact file holds them. */
    Optional<List<ImageStore>> load(String key) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
                CheckedInputStream checked = new CheckedInputStream(raw, crc)) {
            DataInputStream in = new DataInputStream(checked);
            if (in.readLong() != MAGIC) {
                throw new IOException("not a store file");
            }
            int count = in.readInt();
            List<ImageStore> stores = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                stores.add(readStore(in));
            }
            long computed = crc.getValue();
            long recorded = new DataInputStream(raw).readLong();
            if (computed != recorded || raw.read() != -1) {
                throw new IOException("checksum mismatch");
            }
            return Optional.of(stores);
        } catch (IOException | RuntimeException e) {
            // A damaged cache is not an error of the data: drop it and decode again.
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    /** Saves {@code stores} under {@code key}, replacing any earlier file atomically. */
    void save(String key, List<ImageStore> stores) {
        if (directory.isEmpty()) {
            return;
        }
        Path file = file(key);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), key, ".part");
            CRC32C crc = new CRC32C();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                out.writeLong(MAGIC);
                out.writeInt(stores.size());
                for (ImageStore store : stores) {
                    writeStore(out, store);
                }
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The cache only saves time; failing to write it must not fail the run.
            System.err.println("warning: cannot cache decoded images in " + file + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void writeStore(DataOutputStream out, ImageStore store) throws IOException {
        out.writeInt(store.channels());
        out.writeInt(store.classes().size());
        for (String name : store.classes()) {
            out.writeUTF(name);
        }
        out.writeInt(store.size());
        for (int[] column : List.of(store.rawLabels(), store.rawHeights(), store.rawWidths())) {
            for (int value : column) {
                out.writeInt(value);
            }
        }
        out.writeInt(store.rawPixels().length);
        out.write(store.rawPixels());
    }

    private static ImageStore readStore(DataInputStream in) throws IOException {
        int channels = in.readInt();
        int classCount = in.readInt();
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            classes.add(in.readUTF());
        }
        int size = in.readInt();
        if (size < 0) {
            throw new EOFException("negative image count");
        }
        int[][] columns = new int[3][size];
        for (int[] column : columns) {
            for (int i = 0; i < size; i++) {
                column[i] = in.readInt();
            }
        }
        byte[] pixels = new byte[in.readInt()];
        in.readFully(pixels);
        return new ImageStore(channels, classes, columns[0], columns[1], columns[2], pixels);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("warning: cannot delete " + file + ": " + e.getMessage());
        }
    }
}
