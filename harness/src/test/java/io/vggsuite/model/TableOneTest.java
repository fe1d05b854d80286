package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the built configurations to the paper's Tables 1 and 2. */
class TableOneTest {

    @DisplayName("Table 2: trainable parameters at 224×224×3, 1000 classes, full width")
    @ParameterizedTest(name = "{0}: {1} parameters, {2}M in Table 2")
    @CsvSource({
        "A,     132863336, 133",
        "A-LRN, 132863336, 133",
        "B,     133047848, 133",
        "C,     133638952, 134",
        "D,     138357544, 138",
        "E,     143667240, 144",
        "B-5×5, 134503528, 135",
    })
    void parameterCountsMatchThePaper(String name, long exact, long millions, TestReporter reporter) {
        VggSpec spec = VggSpec.of(VggConfig.fromName(name));
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            long counted = net.parameterCount();
            reporter.publishEntry("parameters " + name, String.format("%,d", counted));
            assertEquals(exact, counted, name);
            assertEquals(millions, Math.round(counted / 1e6), name + " in millions");
        }
    }

    @DisplayName("Table 1: weight layers counted from the built blocks")
    @ParameterizedTest(name = "{0} has {1} weight layers")
    @CsvSource({"A, 11", "A-LRN, 11", "B, 13", "C, 16", "D, 16", "E, 19", "B-5×5, 8"})
    void weightLayerCountsMatchTableOne(String name, int layers) {
        VggSpec spec = VggSpec.cifar(VggConfig.fromName(name), 0.25);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(layers, ModelTestSupport.initialised(manager, spec).weightLayerCount());
        }
    }

    @Test
    void configurationCOnlyAddsThreeOneByOneConvolutions() {
        long oneByOne = VggConfig.C.layers().stream()
                .filter(l -> l instanceof Layer.Conv c && c.kernel() == 1)
                .count();
        assertEquals(3, oneByOne);
        assertEquals(5, VggConfig.B_5X5.layers().stream()
                .filter(l -> l instanceof Layer.Conv c && c.kernel() == 5)
                .count());
    }

    @Test
    void widthQuarterGivesCifarChannels() {
        VggSpec spec = VggSpec.cifar(VggConfig.A, 0.25);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            int[] filters = net.convLayers().stream()
                    .mapToInt(c -> (int) c.getParameters().get("weight").getArray().getShape().get(0))
                    .toArray();
            assertEquals("[16, 32, 64, 64, 128, 128, 128, 128]", java.util.Arrays.toString(filters));
            assertEquals(1024, spec.fcUnits());
        }
    }

    @Test
    void unknownNamesAndBadKnobsAreRejectedWithTheValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> VggConfig.fromName("F"));
        org.junit.jupiter.api.Assertions.assertTrue(unknown.getMessage().contains("'F'"), unknown.getMessage());
        assertEquals(VggConfig.A_LRN, VggConfig.fromName("a_lrn"));
        assertEquals(VggConfig.B_5X5, VggConfig.fromName("b-5x5"));
        assertThrows(IllegalArgumentException.class, () -> new VggSpec(VggConfig.A, 10, 3, 0, 32, ModelVariant.PAPER));
        assertThrows(IllegalArgumentException.class, () -> new VggSpec(VggConfig.A, 10, 3, 1, 40, ModelVariant.PAPER));
        assertThrows(IllegalArgumentException.class, () -> Layer.parse("conv3"));
    }
}
