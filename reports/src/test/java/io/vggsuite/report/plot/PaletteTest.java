package io.vggsuite.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void aPanelsLinesNeverShareAColour() {
        List<Color> colours = Palette.lines(Palette.size());
        assertEquals(colours.size(), new HashSet<>(colours).size(), colours.toString());
    }

    @Test
    void moreLinesThanColoursAreRefusedRatherThanRepeated() {
        assertThrows(IllegalArgumentException.class, () -> Palette.lines(Palette.size() + 1));
    }

    @Test
    void noLineIsTooPaleToSeeOnWhite() {
        // Okabe and Ito's yellow (F0E442) is left out: its luminance is close to white's.
        for (Color c : Palette.lines(Palette.size())) {
            double luminance = (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
            assertEquals(true, luminance < 0.75, c + " has luminance " + luminance);
        }
    }
}
