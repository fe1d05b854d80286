package io.vggsuite.results;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary form of {@link Predictions}, big-endian: the magic "VGGP", a format version, the
 * number of images and classes, the labels (int32 each), the probabilities row by row (float32
 * each), then a CRC-32 of everything before it. Float32 because softmax outputs are computed in
 * float32; a checksum because a fused or McNemar result built on a damaged file would look valid.
 */
final class PredictionsFile {

    static final String EXTENSION = ".preds";
    private static final int MAGIC = 0x56474750; // "VGGP"
    private static final int VERSION = 1;

    private PredictionsFile() {}

    static void write(Path file, Predictions predictions) {
        try {
            AtomicFiles.writeBytes(file, raw -> {
                CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(predictions.images());
                out.writeInt(predictions.classes());
                for (int label : predictions.labels()) {
                    out.writeInt(label);
                }
                for (float[] row : predictions.probabilities()) {
                    for (float p : row) {
                        out.writeFloat(p);
                    }
                }
                out.flush();
                long crc = checked.getChecksum().getValue();
                out.writeInt((int) crc);
                out.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Empty when the file is absent; a {@link ResultsFileException} when it is damaged. */
    static Optional<Predictions> read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            if (in.readInt() != MAGIC) {
                throw new ResultsFileException(file, "not a predictions file (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new ResultsFileException(file, "predictions format version " + version + ", expected " + VERSION);
            }
            int images = in.readInt();
            int classes = in.readInt();
            if (images < 0 || classes < 0) {
                throw new ResultsFileException(file, "negative size " + images + "×" + classes);
            }
            long expectedBytes = 16L + 4L * images + 4L * images * classes + 4L;
            long actualBytes = Files.size(file);
            if (actualBytes != expectedBytes) {
                throw new ResultsFileException(file, "is " + actualBytes + " bytes, expected " + expectedBytes
                        + " for " + images + " images × " + classes + " classes; the file is truncated or damaged");
            }
            int[] labels = new int[images];
            for (int i = 0; i < images; i++) {
                labels[i] = in.readInt();
            }
            float[][] probabilities = new float[images][classes];
            for (float[] row : probabilities) {
                for (int c = 0; c < classes; c++) {
                    row[c] = in.readFloat();
                }
            }
            int computed = (int) checked.getChecksum().getValue();
            int stored = in.readInt();
            if (computed != stored) {
                throw new ResultsFileException(file, "checksum mismatch; the file is damaged");
            }
            return Optional.of(new Predictions(labels, probabilities));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            throw new ResultsFileException(file, "ends early; the file is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
