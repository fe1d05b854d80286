package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a net that learned nothing scores, per metric kind and data set. */
class ChanceLevelTest {

    @Test
    void tenClassesGiveNinetyTopOneFiftyTopFiveAndLnTenLoss() {
        ChanceLevel cifar = ChanceLevel.ofDataset("cifar10").orElseThrow();
        assertEquals(90.0, cifar.of("D w1/8 S256 glorot | dense Q256 | top-1 error").getAsDouble(), 1e-12);
        assertEquals(50.0, cifar.of("D w1/8 S256 glorot | dense Q256 | top-5 error").getAsDouble(), 1e-12);
        assertEquals(Math.log(10), cifar.of("D w1/8 S256 glorot | final train loss").getAsDouble(), 1e-12);
        assertTrue(cifar.of("D w1/8 S256 glorot | images per second").isEmpty());
    }

    @Test
    void fewerThanSixClassesMakeTopFiveErrorZeroAndOneClassIsNoClassifier() {
        assertEquals(0.0, new ChanceLevel(3).top5Error(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ChanceLevel(1));
    }

    @Test
    void anImageFolderHasNoChanceLevelByName() {
        assertEquals(Optional.empty(), ChanceLevel.ofDataset("imagefolder:/data/ilsvrc"));
        assertEquals(Optional.of(new ChanceLevel(10)), ChanceLevel.ofDataset("fashion-mnist"));
    }
}
