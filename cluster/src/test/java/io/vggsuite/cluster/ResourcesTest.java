package io.vggsuite.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.Budget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void slurmTimeIsDaysHoursMinutesSeconds() {
        assertEquals("1-02:03:04", new Resources(1, 1024, 0, Duration.ofSeconds(93784)).slurmTime());
    }

    @Test
    void onlyTheImagenetBudgetAsksForAGpu() {
        assertEquals(0, Resources.forBudget(Budget.SMOKE).gpus());
        assertEquals(0, Resources.forBudget(Budget.FULL).gpus());
        assertTrue(Resources.forBudget(Budget.imagenet("/x")).gpus() > 0);
    }

    @Test
    void nonsenseRequestsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Resources(0, 1024, 0, Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("cpus"), e.getMessage());
    }
}
