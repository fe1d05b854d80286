package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseWindowsTest {

    /** The suite's test scales at crop 32 (Q = 37, 41, 55, 73 …) and the paper's at 224. */
    @ParameterizedTest(name = "crop {0}, sides {1}…{2}")
    @CsvSource({"32, 32, 120", "224, 224, 520"})
    void windowsReachEveryPixelAndBothBorders(int crop, int fromSide, int toSide) {
        for (int side = fromSide; side <= toSide; side++) {
            List<Integer> starts = DenseWindows.windowStarts(side, crop);
            boolean[] seen = new boolean[side];
            for (int start : starts) {
                assertTrue(start >= 0 && start + crop <= side, "window at " + start + " fits side " + side);
                for (int x = start; x < start + crop; x++) {
                    seen[x] = true;
                }
            }
            for (int x = 0; x < side; x++) {
                assertTrue(seen[x], "pixel " + x + " of side " + side + " is in a window");
            }
            assertEquals(0, starts.get(0));
            assertEquals(side - crop, starts.get(starts.size() - 1), "a window is flush with the far border");
        }
    }

    /** The paper's geometry: 224 windows step by 32 = 224/7; at crop 32 the step is 32/7 ≈ 4.6, so 4 or 5. */
    @ParameterizedTest(name = "crop {0}: windows step by at most {1} pixels")
    @CsvSource({"32, 5", "224, 32"})
    void windowsStepByAboutASeventhOfTheCrop(int crop, int maxStep) {
        for (int side = crop; side <= crop + 300; side++) {
            List<Integer> starts = DenseWindows.windowStarts(side, crop);
            for (int i = 1; i < starts.size(); i++) {
                int step = starts.get(i) - starts.get(i - 1);
                assertTrue(step >= 1 && step <= maxStep, "side " + side + ": step " + step + " at " + starts.get(i));
            }
        }
    }

    @Test
    void offsetsAtTheSuitesTestScales() {
        assertEquals(List.of(0), DenseWindows.offsets(32, 32));
        assertEquals(List.of(0, 5), DenseWindows.offsets(37, 32));
        assertEquals(List.of(0, 5, 9), DenseWindows.offsets(41, 32));
        assertEquals(List.of(0, 5, 9, 14, 18, 23), DenseWindows.offsets(55, 32));
        assertEquals(List.of(0, 5, 9, 14, 18, 23, 27), DenseWindows.offsets(73, 32));
        assertEquals(List.of(0, 5, 9, 14, 18, 23, 27, 32, 37, 41), DenseWindows.windowStarts(73, 32));
    }

    /** At the imagenet budget Q is a multiple of 32 and the crop 224: the plain single pass. */
    @Test
    void thePapersGeometryIsOneFullyConvolutionalPass() {
        for (int side : new int[] {224, 256, 384, 512}) {
            assertEquals(List.of(0), DenseWindows.offsets(side, 224), "side " + side);
            assertEquals(side, DenseWindows.extent(0, side, 224), "the pass reads the whole side " + side);
        }
        assertEquals(List.of(0, 10), DenseWindows.offsets(234, 224), "a side off the grid gets a border pass");
    }

    @Test
    void aSideSmallerThanTheCropIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseWindows.offsets(31, 32));
        assertTrue(e.getMessage().contains("31"), e.getMessage());
    }
}
