package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The build's test JVMs start with glibc's malloc set as every training JVM should be. */
class AllocatorTuningTest {

    @Test
    void theTestJvmStartsWithTheMallocSettingsTheLaunchersSet() {
        assertEquals(AllocatorTuning.VALUE, System.getenv(AllocatorTuning.VARIABLE),
                "pom.xml's glibc.tunables and train/AllocatorTuning disagree, or the test JVM did not get it");
    }
}
