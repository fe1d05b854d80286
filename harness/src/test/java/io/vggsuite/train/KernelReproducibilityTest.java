package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
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
     * same call, again and again (an AVX-512 Intel Xeon without the cap): then no run in this JVM
     * is reproducible.
     */
    @Test
    void convolutionInputGradientIsBitIdenticalOnRepeatedCalls() {
        assertTrue(KernelReproducibility.convolutionBackwardIsReproducible(),
                "probe verdict " + KernelReproducibility.verdict());
    }

    /** The suite's narrowest nets (width 1/8: 8 channels) fill oneDNN's AVX2 blocks. */
    @Test
    void netsOfEightChannelsOrMoreAreNotProbedAsPaddedLayers() {
        for (VggConfig config : VggConfig.values()) {
            assertEquals(0, KernelReproducibility.narrowPaddedLayer(VggSpec.cifar(config, 1.0 / 8)), config.name());
        }
    }

    @Test
    void aNetNarrowerThanAnAvx2BlockIsFoundAtItsNarrowestLayer() {
        assertEquals(4, KernelReproducibility.narrowPaddedLayer(VggSpec.cifar(VggConfig.A, 1.0 / 16)));
        assertEquals(1, KernelReproducibility.narrowPaddedLayer(VggSpec.cifar(VggConfig.D, 1.0 / 64)));
    }

    /** Always, not when a probe happens to read a NaN: the outcome must not depend on the process. */
    @Test
    void aNetWithALayerNarrowerThanEightChannelsIsRefusedOnTheCpuNamingItsWidthAndWhatToChoose() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KernelReproducibility.requireReproducible(VggSpec.cifar(VggConfig.A, 1.0 / 16)));
        assertTrue(refused.getMessage().contains("narrowest convolution has 4 channels (width 1/16)")
                && refused.getMessage().contains("at least 8 channels"), refused.getMessage());
        KernelReproducibility.requireReproducible(VggSpec.cifar(VggConfig.A, 1.0 / 8));
    }

    @Test
    void passWithoutDifferenceIsReproducibleAndNotRepeated() {
        Deque<Boolean> passes = passes(false);
        assertEquals(KernelReproducibility.Verdict.REPRODUCIBLE, KernelReproducibility.judge(supplier(passes)));
        assertTrue(passes.isEmpty());
    }

    @Test
    void differenceThatDoesNotRecurInTheRechecksIsReportedNotRefused() {
        assertEquals(KernelReproducibility.Verdict.DIFFERED_ONCE,
                KernelReproducibility.judge(supplier(passes(true, false, false, false))));
    }

    @Test
    void differenceThatRecursInAnyRecheckIsRefused() {
        assertEquals(KernelReproducibility.Verdict.NOT_REPRODUCIBLE,
                KernelReproducibility.judge(supplier(passes(true, true))));
        assertEquals(KernelReproducibility.Verdict.NOT_REPRODUCIBLE,
                KernelReproducibility.judge(supplier(passes(true, false, false, true))));
    }

    private static Deque<Boolean> passes(Boolean... differs) {
        return new ArrayDeque<>(List.of(differs));
    }

    /** Hands out the scripted passes; asking for more than were scripted fails the test. */
    private static BooleanSupplier supplier(Deque<Boolean> passes) {
        return () -> {
            assertTrue(!passes.isEmpty(), "the rule asked for more passes than " + KernelReproducibility.RECHECKS + " rechecks");
            return passes.removeFirst();
        };
    }
}
