package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlopsTest {

    @Test
    void vgg16AtImagenetSizeCostsAbout15GigaMacs() {
        // The widely quoted 15.5 GMACs of VGG-16 (configuration D) at 224×224.
        long macs = Flops.forwardMacs(VggSpec.of(VggConfig.D));
        assertEquals(15.47e9, macs, 0.05e9);
        assertEquals(7.61e9, Flops.forwardMacs(VggSpec.of(VggConfig.A)), 0.05e9);
    }

    @Test
    void deeperNetsCostMore() {
        long a = Flops.forwardMacs(VggSpec.cifar(VggConfig.A, 0.25));
        long d = Flops.forwardMacs(VggSpec.cifar(VggConfig.D, 0.25));
        long e = Flops.forwardMacs(VggSpec.cifar(VggConfig.E, 0.25));
        assertTrue(a < d && d < e, a + " " + d + " " + e);
        assertEquals(6 * Flops.forwardMacs(VggSpec.cifar(VggConfig.A, 0.25)),
                Flops.trainingFlops(VggSpec.cifar(VggConfig.A, 0.25)));
    }

    @Test
    void theClassifierOfVgg16IsAbout124MegaMacsOfItsTotal() {
        // 7·7·512·4096 + 4096·4096 + 4096·1000 multiply-accumulates in the three FC layers.
        VggSpec d = VggSpec.of(VggConfig.D);
        assertEquals(123_633_664L, Flops.forwardMacs(d) - Flops.convolutionMacs(d));
    }
}
