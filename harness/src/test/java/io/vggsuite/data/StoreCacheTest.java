package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoded stores survive the disk exactly, and a damaged file is dropped rather than trusted. */
class StoreCacheTest {

    @TempDir
    Path temp;

    @Test
    void storesRoundTripExactly() throws IOException {
        StoreCache cache = new StoreCache(temp);
        ImageStore mixed = TestData.randomStore(1, 3, 2, new int[] {3, 5}, new int[] {7, 2});
        ImageStore gray = TestData.randomStore(2, 1, 4, 6, 4, 4);
        cache.save("key", List.of(mixed, gray));
        assertEquals(List.of(cache.file("key")), TestData.filesUnder(temp), "no temporary file left");
        List<ImageStore> loaded = cache.load("key").orElseThrow();
        for (int s = 0; s < 2; s++) {
            ImageStore expected = List.of(mixed, gray).get(s);
            ImageStore actual = loaded.get(s);
            assertEquals(expected.classes(), actual.classes());
            assertEquals(expected.channels(), actual.channels());
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.label(i), actual.label(i));
                assertEquals(expected.height(i), actual.height(i));
                assertArrayEquals(expected.pixels(i), actual.pixels(i));
            }
        }
    }

    @Test
    void aCorruptOrTruncatedFileIsDeletedAndReportedAbsent() throws IOException {
        StoreCache cache = new StoreCache(temp);
        cache.save("key", List.of(TestData.randomStore(1, 3, 2, 4, 8, 8)));
        Path file = cache.file("key");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertTrue(cache.load("key").isEmpty());
        assertTrue(Files.notExists(file));

        cache.save("key", List.of(TestData.randomStore(1, 3, 2, 4, 8, 8)));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertTrue(cache.load("key").isEmpty());
        assertTrue(cache.load("other").isEmpty());
    }
}
