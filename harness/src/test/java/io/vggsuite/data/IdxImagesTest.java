package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files (Fashion-MNIST's format), written small here, and every header fault refused. */
class IdxImagesTest {

    private static final List<String> CLASSES = TestData.classNames(10);

    @TempDir
    Path temp;

    private Path images(String name, int magic, int declared, int rows, int columns, int actual) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16 + actual * rows * columns);
        buffer.putInt(magic).putInt(declared).putInt(rows).putInt(columns);
        for (int k = 0; k < actual * rows * columns; k++) {
            buffer.put((byte) (k * 7));
        }
        return write(name, buffer.array());
    }

    private Path labels(String name, int magic, int declared, byte... values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 + values.length);
        buffer.putInt(magic).putInt(declared).put(values);
        return write(name, buffer.array());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    @Test
    void readsGzippedAndPlainFiles() throws IOException {
        ImageStore store = IdxImages.load(images("i-idx3-ubyte.gz", 0x803, 3, 2, 4, 3),
                labels("l-idx1-ubyte", 0x801, 3, (byte) 9, (byte) 0, (byte) 4), CLASSES);
        assertEquals(3, store.size());
        assertEquals(1, store.channels());
        assertEquals(2, store.height(2));
        assertEquals(4, store.width(2));
        assertEquals(9, store.label(0));
        assertEquals(4, store.label(2));
        // Image 2, row 1, column 3 is byte 8·2 + 4·1 + 3 = 23 of the pixel data.
        assertEquals((23 * 7) & 0xFF, store.pixel(2, 1, 3, 0));
    }

    @Test
    void aWrongMagicNumberIsNamed() throws IOException {
        Path wrong = images("i.gz", 0x801, 1, 2, 2, 1);
        Path labels = labels("l.gz", 0x801, 1, (byte) 0);
        DataException error = assertThrows(DataException.class, () -> IdxImages.load(wrong, labels, CLASSES));
        assertTrue(error.getMessage().contains(wrong.toString()) && error.getMessage().contains("0x00000801"), error.getMessage());
        Path images = images("ok.gz", 0x803, 1, 2, 2, 1);
        Path wrongLabels = labels("wl.gz", 0x803, 1, (byte) 0);
        DataException labelError = assertThrows(DataException.class, () -> IdxImages.load(images, wrongLabels, CLASSES));
        assertTrue(labelError.getMessage().contains(wrongLabels.toString()), labelError.getMessage());
    }

    @Test
    void countsThatDisagreeAreNamed() throws IOException {
        Path images = images("i.gz", 0x803, 2, 2, 2, 2);
        Path labels = labels("l.gz", 0x801, 3, (byte) 0, (byte) 1, (byte) 2);
        DataException error = assertThrows(DataException.class, () -> IdxImages.load(images, labels, CLASSES));
        assertTrue(error.getMessage().contains("3 labels") && error.getMessage().contains("2 images"), error.getMessage());

        Path short_ = images("short.gz", 0x803, 5, 2, 2, 4);
        DataException lengthError = assertThrows(DataException.class,
                () -> IdxImages.load(short_, labels("l5.gz", 0x801, 5, new byte[5]), CLASSES));
        assertTrue(lengthError.getMessage().contains(short_.toString()) && lengthError.getMessage().contains("5 images"),
                lengthError.getMessage());

        Path headerOnly = write("h.gz", new byte[] {0, 0, 8});
        DataException headerError = assertThrows(DataException.class, () -> IdxImages.load(headerOnly, labels, CLASSES));
        assertTrue(headerError.getMessage().contains(headerOnly.toString()), headerError.getMessage());
    }

    @Test
    void aLabelOutOfRangeIsNamed() throws IOException {
        Path images = images("i.gz", 0x803, 2, 2, 2, 2);
        Path labels = labels("l.gz", 0x801, 2, (byte) 1, (byte) 10);
        DataException error = assertThrows(DataException.class, () -> IdxImages.load(images, labels, CLASSES));
        assertTrue(error.getMessage().contains("label 10 of image 1"), error.getMessage());
    }
}
