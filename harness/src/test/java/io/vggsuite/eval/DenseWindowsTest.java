package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseWindowsTest {

    /** The paper's geometry: 224 windows step by 32 = 224/7; at crop 32 the step is a power of two at most 32/7. */
    @ParameterizedTest(name = "crop {0}: {1} stride-less pools, windows {2} pixels apart")
    @CsvSource({"32, 3, 4", "64, 2, 8", "96, 2, 8", "128, 1, 16", "224, 0, 32", "256, 0, 32"})
    void windowsStepByAtMostASeventhOfTheCrop(int crop, int stridelessPools, int step) {
        assertEquals(stridelessPools, DenseWindows.stridelessPools(crop));
        assertEquals(step, DenseWindows.step(crop));
        assertTrue(step * DenseWindows.PAPER_WINDOWS_PER_CROP <= crop, "at least seven windows per crop");
    }

    /** The suite's test scales at crop 32 (Q = 37, 41, 55, 73 …) and the paper's at 224. */
    @ParameterizedTest(name = "crop {0}, sides {1}…{2}")
    @CsvSource({"32, 32, 120", "224, 224, 520"})
    void windowsStartAtTheOriginAndEndShortOfTheFarBorderByLessThanAStep(int crop, int fromSide, int toSide) {
        int step = DenseWindows.step(crop);
        for (int side = fromSide; side <= toSide; side++) {
            List<Integer> starts = DenseWindows.windowStarts(side, crop);
            assertEquals(0, starts.get(0));
            for (int i = 1; i < starts.size(); i++) {
                assertEquals(step, starts.get(i) - starts.get(i - 1), "side " + side);
            }
            int last = starts.get(starts.size() - 1);
            assertTrue(last + crop <= side && side - (last + crop) < step, "side " + side + ": last window at " + last);
        }
    }

    @Test
    void windowStartsAtTheSuitesTestScales() {
        assertEquals(List.of(0), DenseWindows.windowStarts(32, 32));
        assertEquals(List.of(0, 4), DenseWindows.windowStarts(37, 32));
        assertEquals(List.of(0, 4, 8, 12, 16, 20), DenseWindows.windowStarts(55, 32));
        assertEquals(List.of(0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40), DenseWindows.windowStarts(73, 32));
    }

    /** At the imagenet budget Q is a multiple of 32 and the crop 224: the plain single pass. */
    @Test
    void thePapersGeometryIsThePlainFullyConvolutionalPass() {
        assertEquals(0, DenseWindows.stridelessPools(224));
        assertEquals(List.of(0, 32), DenseWindows.windowStarts(256, 224));
        assertEquals(List.of(0, 32, 64, 96, 128, 160), DenseWindows.windowStarts(384, 224));
    }

    @Test
    void aSideSmallerThanTheCropIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseWindows.windowStarts(31, 32));
        assertTrue(e.getMessage().contains("31"), e.getMessage());
    }
}
