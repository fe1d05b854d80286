package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.Budget;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class BudgetTest {

    @Test
    void anUnknownBudgetIsOneLineNamingTheOptionAndTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.named("nope", ""));
        assertEquals("ablation.budget: unknown budget 'nope', expected one of smoke, quick, cifar10-reference, cifar10-converged,"
                + " full, imagenet",
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Budget.named("imagenet", ""))
                .getMessage().contains("-Dablation.imagenet=PATH"));
    }

    @Test
    void seedsComeFromTheProperty() {
        assertEquals(List.of(1L, 2L, 5L), Budget.SMOKE.withSeeds("1, 2,5").seeds());
        assertThrows(IllegalArgumentException.class, () -> Budget.SMOKE.withSeeds("1,x"));
    }
}
