package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official binary batches, on small files written here: planar records become HWC images. */
class Cifar10BinaryTest {

    @TempDir
    Path temp;

    @Test
    void readsTheTarballAndTheExtractedFolderAlike() throws IOException {
        Map<String, byte[]> entries = TestData.cifarBinaryEntries();
        Cifar10Binary.Splits fromTarball = Cifar10Binary.load(TestData.writeArchive(temp.resolve("c.tar.gz"), entries));
        Cifar10Binary.Splits fromFolder = Cifar10Binary.load(TestData.writeFolder(temp.resolve("x"), entries)
                .resolve("cifar-10-batches-bin"));
        for (Cifar10Binary.Splits splits : new Cifar10Binary.Splits[] {fromTarball, fromFolder}) {
            ImageStore train = splits.train();
            assertEquals(10, train.size());
            assertEquals(3, splits.test().size());
            assertEquals(Cifar10Binary.CLASSES, train.classes());
            // Batches 1..5 in order, two records each, labels 0..9.
            for (int i = 0; i < 10; i++) {
                assertEquals(i, train.label(i));
            }
        }
    }

    @Test
    void planarRecordsBecomeInterleavedPixels() throws IOException {
        Map<String, byte[]> entries = TestData.cifarBinaryEntries();
        ImageStore test = Cifar10Binary.load(TestData.writeArchive(temp.resolve("c.tar"), entries)).test();
        byte[] record = TestData.cifarRecord(1, 51);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(record[1 + c * 1024 + y * 32 + x] & 0xFF, test.pixel(1, y, x, c));
                }
            }
        }
        assertEquals(1, test.label(1));
    }

    @Test
    void aLabelByteOutOfRangeIsNamedWithItsFileAndRecord() throws IOException {
        Map<String, byte[]> entries = TestData.cifarBinaryEntries();
        byte[] batch = TestData.cifarBatch(2, 0);
        batch[Cifar10Binary.RECORD_BYTES] = 12;
        entries.put("cifar-10-batches-bin/data_batch_3.bin", batch);
        Path tarball = TestData.writeArchive(temp.resolve("c.tar.gz"), entries);
        DataException error = assertThrows(DataException.class, () -> Cifar10Binary.load(tarball));
        assertTrue(error.getMessage().contains("label byte 12 of record 1 in data_batch_3.bin")
                && error.getMessage().contains(tarball.toString()), error.getMessage());
    }

    @Test
    void aBatchThatIsNotWholeRecordsIsRefused() throws IOException {
        Map<String, byte[]> entries = TestData.cifarBinaryEntries();
        entries.put("cifar-10-batches-bin/test_batch.bin", Arrays.copyOf(TestData.cifarBatch(2, 0), 5000));
        Path tarball = TestData.writeArchive(temp.resolve("c.tar.gz"), entries);
        DataException error = assertThrows(DataException.class, () -> Cifar10Binary.load(tarball));
        assertTrue(error.getMessage().contains("test_batch.bin") && error.getMessage().contains("5000 bytes"),
                error.getMessage());
    }

    @Test
    void aMissingBatchIsNamed() throws IOException {
        Map<String, byte[]> entries = TestData.cifarBinaryEntries();
        entries.remove("cifar-10-batches-bin/data_batch_4.bin");
        Path tarball = TestData.writeArchive(temp.resolve("c.tar.gz"), entries);
        DataException error = assertThrows(DataException.class, () -> Cifar10Binary.load(tarball));
        assertTrue(error.getMessage().contains("lacks data_batch_4.bin"), error.getMessage());
    }
}
