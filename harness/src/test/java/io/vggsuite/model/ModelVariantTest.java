package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelVariantTest {

    private static final List<ModelVariant> EVERY_VARIANT =
            List.of(ModelVariant.PAPER, ModelVariant.PAPER.withNormalisation(Normalisation.BATCH_NORM));

    @Test
    void thePapersNetsHaveTheEmptyLabelAndTheirPlainName() {
        assertEquals("", ModelVariant.PAPER.label());
        assertEquals("D", ModelVariant.PAPER.netName(VggConfig.D));
        assertEquals("B-5×5", ModelVariant.PAPER.netName(VggConfig.B_5X5));
    }

    @Test
    void batchNormalisationIsLabelledBnAfterTheNetsName() {
        ModelVariant bn = ModelVariant.PAPER.withNormalisation(Normalisation.BATCH_NORM);
        assertEquals("BN", bn.label());
        assertEquals("D-BN", bn.netName(VggConfig.D));
    }

    @Test
    void everyVariantParsesBackFromItsLabel() {
        for (ModelVariant variant : EVERY_VARIANT) {
            assertEquals(variant, ModelVariant.parse(variant.label()), variant.label());
        }
    }

    @Test
    void anUnknownLabelIsRefusedNamingThePartItDoesNotKnow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("BN-GN"));
        assertTrue(e.getMessage().contains("'BN-GN'") && e.getMessage().contains("'GN'"), e.getMessage());
    }
}
