package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairedTestTest {

    @Test
    void exactBinomialTailsMatchHandComputedValues() {
        assertEquals(2 * Math.pow(0.5, 10), PairedTest.exactTwoSided(10, 0), 1e-12);
        assertEquals(2 * (1 + 7) / 128.0, PairedTest.exactTwoSided(1, 6), 1e-12);
        assertEquals(1.0, PairedTest.exactTwoSided(5, 5), 1e-12);
        assertEquals(1.0, PairedTest.exactTwoSided(0, 0), 1e-12);
        // Large counts stay finite: 600 vs 400 discordant is far beyond noise.
        double p = PairedTest.exactTwoSided(600, 400);
        assertEquals(true, p > 0 && p < 1e-9, "p = " + p);
    }

    @Test
    void onlyDiscordantImagesCount() {
        boolean[] first = {true, true, true, false, false, true};
        boolean[] second = {true, false, false, false, true, true};
        PairedTest.Result result = PairedTest.mcNemar(first, second);
        assertEquals(2, result.onlyFirstCorrect());
        assertEquals(1, result.onlySecondCorrect());
        assertEquals(PairedTest.exactTwoSided(2, 1), result.pValue(), 1e-12);
    }
}
