package io.vggsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.Start;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the runs of the grid start from each other (Section 3.1), at every budget's shape. */
class AblationPlanTest {

    private static final AblationPlan PLAN = new AblationPlan(Budget.QUICK, 10, 3, 1);

    /** "a smaller initial learning rate of 10⁻³" for S = 384, and the jittered nets by the same rule. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = VggConfig.class, names = {"A", "B", "C", "D", "E"})
    void everyFineTunedNetStartsAtTenToTheMinusThree(VggConfig config) {
        RunSpec s384 = PLAN.run(config, AblationPlan.S384);
        RunSpec jittered = PLAN.run(config, AblationPlan.JITTERED);
        assertInstanceOf(Start.FineTune.class, s384.start());
        assertInstanceOf(Start.FineTune.class, jittered.start());
        assertEquals(1e-3f, s384.recipe().learningRate(), "S = 384");
        assertEquals(1e-3f, jittered.recipe().learningRate(), "jittered, fine-tuned from S = 384");
        assertEquals(s384, ((Start.FineTune) jittered.start()).from());
        assertEquals(1e-2f, PLAN.run(config, AblationPlan.S256).recipe().learningRate(), "S = 256: the paper's 10⁻²");
    }

    /** Section 4.1's control: B-5×5 starts the way B does, from the same trained A and the same random rest. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = VggConfig.class, names = {"B", "C", "D", "E", "B_5X5"})
    void deeperNetsAndTheShallowControlWarmStartFromTheSameA(VggConfig config) {
        Start start = PLAN.run(config, AblationPlan.S256).start();
        Start.WarmStartFromA warm = assertInstanceOf(Start.WarmStartFromA.class, start);
        assertEquals(PLAN.run(VggConfig.A, AblationPlan.S256), warm.netA());
        assertEquals(Budget.QUICK.randomStart(), warm.rest(), "the intermediate layers from the budget's random start");
    }

    /**
     * The converged budget starts B-5×5 as A (its warm start from the converged A went to chance):
     * the same run as the initialisation study would draw for it, so nothing is trained twice.
     */
    @org.junit.jupiter.api.Test
    void theConvergedBudgetsShallowControlStartsFromTheRandomStartAsA() {
        AblationPlan converged = new AblationPlan(Budget.CONVERGED, 10, 3, 1);
        RunSpec shallow = converged.run(VggConfig.B_5X5, AblationPlan.S256);
        assertEquals(new Start.FromScratch(Budget.CONVERGED.randomStart()), shallow.start());
        assertEquals(converged.fromScratch(VggConfig.B_5X5, Budget.CONVERGED.randomStart()), shallow);
        assertInstanceOf(Start.WarmStartFromA.class, converged.run(VggConfig.B, AblationPlan.S256).start(),
                "B itself is still warm-started from A");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = VggConfig.class, names = {"A", "A_LRN"})
    void netAStartsFromTheBudgetsInitialisation(VggConfig config) {
        assertEquals(new Start.FromScratch(Budget.QUICK.randomStart()), PLAN.run(config, AblationPlan.S256).start());
    }

    /** An ablation beyond the paper changes one thing and keeps the protocol: parents change with it. */
    @org.junit.jupiter.api.Test
    void aVariantChangesEveryNetOfTheProtocolParentsIncludedAndLeavesThePlanItCameFromAlone() {
        Variant batchNorm = new Variant("BN", net -> net.withNormalisation(Normalisation.BATCH_NORM));
        Variant doubleWidth = new Variant("width ×2", net -> net.withWidth(2 * net.width()));
        RunSpec dBn = PLAN.under(batchNorm).run(VggConfig.D, AblationPlan.S256);
        assertEquals(Normalisation.BATCH_NORM, dBn.model().variant().normalisation());
        Start.WarmStartFromA warm = assertInstanceOf(Start.WarmStartFromA.class, dBn.start());
        assertEquals(Normalisation.BATCH_NORM, warm.netA().model().variant().normalisation(), "D-BN starts from A-BN");

        RunSpec wide = PLAN.under(doubleWidth).run(VggConfig.D, AblationPlan.JITTERED);
        assertEquals(0.5, wide.model().width());
        RunSpec parent = ((Start.FineTune) wide.start()).from();
        assertEquals(0.5, parent.model().width(), "the jittered D fine-tunes the S = 384 D of its own width");

        assertEquals(Normalisation.NONE, PLAN.run(VggConfig.D, AblationPlan.S256).model().variant().normalisation());
        assertEquals(0.25, PLAN.run(VggConfig.D, AblationPlan.S256).model().width());
        assertEquals(0.25 * 2 * 2, PLAN.under(doubleWidth).under(doubleWidth).run(VggConfig.A, AblationPlan.S256)
                .model().width(), "variants compose");
    }
}
