package io.vggsuite.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A known checksum of a file: the algorithm as {@link MessageDigest} names it and the lowercase hex
 * digest. Written "sha256:…" or "md5:…" in provenance.
 */
record Checksum(String algorithm, String hex) {

    Checksum {
        MessageDigests.of(algorithm);
        hex = hex.toLowerCase(Locale.ROOT);
    }

    static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** This algorithm's digest of {@code file}. */
    Checksum of(Path file) {
        return new Checksum(algorithm, compute(file, algorithm));
    }

    /** Throws a {@link DataException} naming the file, the expected and the actual digest unless they match. */
    void verify(Path file) {
        Checksum actual = of(file);
        if (!actual.equals(this)) {
            throw new DataException("checksum mismatch for " + file + ": expected " + this + " but the file has "
                    + actual + " (" + sizeOf(file) + " bytes); delete the file and fetch it again");
        }
    }

    static String compute(Path file, String algorithm) {
        MessageDigest digest = MessageDigests.of(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " to checksum it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return algorithm.replace("-", "").toLowerCase(Locale.ROOT) + ":" + hex;
    }

    /** Digests the JDK always provides. */
    static final class MessageDigests {

        private MessageDigests() {}

        static MessageDigest of(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
            }
        }
    }
}
