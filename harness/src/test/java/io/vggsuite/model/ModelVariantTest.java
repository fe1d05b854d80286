package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVariantTest {

    private static final ModelVariant BN = ModelVariant.PAPER.withNormalisation(Normalisation.BATCH_NORM);
    private static final ModelVariant NO_DROPOUT = ModelVariant.PAPER.withDropout(0);
    private static final List<ModelVariant> EVERY_VARIANT = List.of(ModelVariant.PAPER, BN, NO_DROPOUT,
            BN.withDropout(0), ModelVariant.PAPER.withDropout(0.3));

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
    void aNetWithoutDropoutIsLabelledNodropAndADifferentRatioByItsValue() {
        assertEquals("nodrop", NO_DROPOUT.label());
        assertEquals("D-nodrop", NO_DROPOUT.netName(VggConfig.D));
        assertEquals("BN-nodrop", BN.withDropout(0).label());
        assertEquals("drop0.3", ModelVariant.PAPER.withDropout(0.3).label());
    }

    @Test
    void onlyTheDeparturesFromThePaperEnterARunsIdentity() {
        assertEquals(Map.of(), ModelVariant.PAPER.departures());
        assertEquals(Map.of("normalisation", "BATCH_NORM"), BN.departures());
        assertEquals(List.of("normalisation", "dropout"), List.copyOf(BN.withDropout(0).departures().keySet()));
        assertEquals("0.0", NO_DROPOUT.departures().get("dropout"));
    }

    @Test
    void aDropoutRatioOutsideZeroToOneIsRefusedNamingIt() {
        for (double ratio : new double[] {-0.1, 1, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ModelVariant.PAPER.withDropout(ratio));
            assertTrue(e.getMessage().contains("dropout ratio"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("dropx"));
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
