package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelReproducibilityTest {

    /** The build's test JVMs are started with the cap; one that is not would train like a by-hand JVM. */
    @Test
    void buildStartsTestJvmsWithOneDnnCappedAtAvx2() {
        assertEquals(KernelReproducibility.VALUE, System.getenv(KernelReproducibility.VARIABLE),
                "root pom.xml sets " + KernelReproducibility.VARIABLE + " for every test JVM");
    }

    /**
     * Fails on a CPU whose oneDNN convolution backward returns different input gradients for the
     * same call (an AVX-512 Intel Xeon without the cap): then no run in this JVM is reproducible.
     */
    @Test
    void convolutionInputGradientIsBitIdenticalOnRepeatedCalls() {
        assertTrue(KernelReproducibility.convolutionBackwardIsReproducible());
    }
}
