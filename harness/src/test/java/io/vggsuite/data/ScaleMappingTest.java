package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every scale the suite uses at crop 32, from the paper's values at crop 224 (Sections 3.1, 4.1, 4.2). */
class ScaleMappingTest {

    private final ScaleMapping crop32 = ScaleMapping.forCrop(32);

    @Test
    void trainingScalesAtCrop32() {
        assertEquals(37, crop32.map(256));
        assertEquals(55, crop32.map(384));
        TrainScale jittered = crop32.map(TrainScale.jittered(256, 512));
        assertEquals(37, jittered.min());
        assertEquals(73, jittered.max());
        assertEquals("[256;512]", jittered.paperLabel());
        assertEquals("[37;73]", jittered.label());
        assertEquals("256", crop32.map(TrainScale.fixed(256)).paperLabel());
        assertEquals(jittered, crop32.map(jittered), "mapping a mapped scale again changes nothing");
    }

    @Test
    void testScalesAtCrop32() {
        assertArrayEquals(new int[] {32, 37, 41}, crop32.multiScaleQ(TrainScale.fixed(256)));
        assertArrayEquals(new int[] {50, 55, 59}, crop32.multiScaleQ(TrainScale.fixed(384)));
        assertArrayEquals(new int[] {37, 55, 73}, crop32.multiScaleQ(TrainScale.jittered(256, 512)));
        assertArrayEquals(new int[] {37, 55, 73}, crop32.multiScaleQ(crop32.map(TrainScale.jittered(256, 512))));
        assertEquals(37, crop32.singleScaleQ(TrainScale.fixed(256)));
        assertEquals(55, crop32.singleScaleQ(TrainScale.jittered(256, 512)));
    }

    @Test
    void sizesBelowTheCropAreClampedToIt() {
        assertEquals(32, crop32.map(224), "Q = S − 32 for S = 256 is exactly the crop");
        assertEquals(32, crop32.map(200), "round(200·32/224) = 29 would not hold a crop");
        assertEquals(224, ScaleMapping.forCrop(224).map(224));
        assertEquals(256, ScaleMapping.forCrop(224).map(256), "at the paper's crop nothing changes");
    }

    @Test
    void invalidScalesAreRefusedNamingTheOption() {
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class, () -> TrainScale.jittered(512, 256));
        assertTrue(reversed.getMessage().contains("Smin 512") && reversed.getMessage().contains("Smax 256"),
                reversed.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> new Augmentation(TrainScale.fixed(30), 32, true, true));
        assertTrue(small.getMessage().contains("crop 32") && small.getMessage().contains("Smin 30"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainScale.fixed(0));
    }
}
