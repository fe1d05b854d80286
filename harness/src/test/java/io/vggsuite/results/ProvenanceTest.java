package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void collectFillsTheMachineFactsButKeepsWhatWasSet() {
        Provenance provenance = Provenance.builder()
                .put(ProvenanceKeys.DEVICE, "gpu(0)")
                .collect()
                .build();
        assertEquals(Optional.of("gpu(0)"), provenance.get(ProvenanceKeys.DEVICE));
        assertEquals(Optional.of("0.36.0"), provenance.get(ProvenanceKeys.DJL_VERSION));
        assertEquals(Optional.of("2.7.1"), provenance.get(ProvenanceKeys.PYTORCH_VERSION));
        String commit = provenance.require(ProvenanceKeys.GIT_COMMIT);
        assertTrue(commit.matches("[0-9a-f]{40}") || commit.equals(ProvenanceKeys.UNKNOWN), commit);
        assertTrue(provenance.require(ProvenanceKeys.GIT_DIRTY).matches("true|false|unknown"));
    }

    @Test
    void collectNamesTheCpuWhenNoDeviceWasSet() {
        String device = Provenance.builder().collect().build().require(ProvenanceKeys.DEVICE);
        assertTrue(device.matches("(cpu|gpu): .+"), device);
    }

    @Test
    void typedAccessorsNameTheKeyOnBadValues() {
        Provenance provenance = Provenance.builder().put(ProvenanceKeys.SEED, "seven").build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> provenance.getLong(ProvenanceKeys.SEED));
        assertTrue(e.getMessage().contains("'seed'") && e.getMessage().contains("'seven'"), e.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> provenance.require(ProvenanceKeys.CONFIG));
        assertTrue(missing.getMessage().contains("'config'"));
        assertTrue(provenance.missing().contains(ProvenanceKeys.CONFIG));
        assertTrue(provenance.getDouble(ProvenanceKeys.WIDTH).isEmpty());
    }
}
