package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    @Test
    void aFieldAddedLaterIsLeftOutAtItsDefaultSoOlderRunsKeepTheirText() {
        String before = CanonicalForm.of("Recipe").field("batchSize", 64).text();
        String after = CanonicalForm.of("Recipe").field("batchSize", 64).fieldUnlessDefault("labelSmoothing", 0.0, 0.0)
                .text();
        assertEquals(before, after);
        assertEquals("Recipe[batchSize=64]", after);
    }

    @Test
    void aFieldAddedLaterChangesTheTextOnceItLeavesItsDefault() {
        String used = CanonicalForm.of("Recipe").field("batchSize", 64).fieldUnlessDefault("labelSmoothing", 0.1, 0.0)
                .text();
        assertEquals("Recipe[batchSize=64, labelSmoothing=0.1]", used);
        assertNotEquals(CanonicalForm.of("Recipe").field("batchSize", 64).text(), used);
    }
}
