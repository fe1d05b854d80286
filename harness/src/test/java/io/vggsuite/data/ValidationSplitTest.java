package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The validation split is deterministic, disjoint from training, and stratified by default. */
class ValidationSplitTest {

    /** 3 classes of 100, 60 and 40 images (labels i mod 5 folded onto 3 classes unevenly). */
    private static ImageStore unbalanced() {
        int[][] sizes = new int[200][];
        Arrays.fill(sizes, new int[] {2, 2});
        ImageStore store = TestData.randomStore(1, 1, 1, sizes);
        int[] labels = IntStream.range(0, 200).map(i -> i < 100 ? 0 : i < 160 ? 1 : 2).toArray();
        return new ImageStore(1, TestData.classNames(3), labels, store.rawHeights(), store.rawWidths(), store.rawPixels());
    }

    @Test
    void stratifiedSplitKeepsTheClassProportions() {
        ImageStore store = unbalanced();
        int[][] indices = ValidationSplit.images(20, 5).indices(store);
        assertEquals(180, indices[0].length);
        assertArrayEquals(new int[] {10, 6, 4}, store.subset(indices[1]).classCounts());
        int[] all = IntStream.concat(Arrays.stream(indices[0]), Arrays.stream(indices[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 200).toArray(), all, "train and validation partition the store");
    }

    @Test
    void largestRemaindersRoundTheQuotas() {
        assertArrayEquals(new int[] {4, 2, 1}, ValidationSplit.quotas(new int[] {100, 60, 40}, 7, 200));
        assertEquals(7, Arrays.stream(ValidationSplit.quotas(new int[] {3, 3, 3}, 7, 9)).sum());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ImageStore store = unbalanced();
        assertArrayEquals(ValidationSplit.images(20, 5).indices(store)[1], ValidationSplit.images(20, 5).indices(store)[1]);
        assertFalse(Arrays.equals(ValidationSplit.images(20, 5).indices(store)[1],
                ValidationSplit.images(20, 6).indices(store)[1]));
    }

    @Test
    void fractionsAndRandomSampling() {
        ImageStore store = unbalanced();
        ValidationSplit tenth = ValidationSplit.fraction(0.1, 3);
        assertEquals(20, tenth.indices(store)[1].length);
        int[] random = tenth.withSampling(ValidationSplit.Sampling.RANDOM).indices(store)[1];
        assertEquals(20, random.length);
        assertEquals(20, Arrays.stream(random).distinct().count());
        assertEquals(0, ValidationSplit.images(0, 1).indices(store)[1].length);
    }

    @Test
    void impossibleSizesAreRefusedNamingTheValue() {
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.images(200, 1).indices(unbalanced()));
        assertEquals(true, all.getMessage().contains("200"));
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.fraction(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.images(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(2.5, ValidationSplit.Sampling.RANDOM, 1));
    }
}
