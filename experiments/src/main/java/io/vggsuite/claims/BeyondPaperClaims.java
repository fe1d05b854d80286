package io.vggsuite.claims;

import static io.vggsuite.ablation.AblationPlan.S256;

import io.vggsuite.ablation.Variant;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.EvalMethod;
import java.util.List;

/**
 * Ablations the paper did not run, each in one declaration: the claim, its arms and the
 * {@link Variant} that makes its runs. The claims test trains what they select, the plan printout
 * and the cluster grid list those runs ({@link DeclaredClaims#runs}), and the report prints them
 * apart, marked as beyond the paper ({@link ClaimRecord#FIRST_BEYOND_THE_PAPER}). Neither has a
 * paper effect, so "contradicted" means a gap significantly the other way.
 */
public final class BeyondPaperClaims implements ClaimSet {

    private static final List<Integer> Q256 = List.of(256);

    /** Batch normalisation after every convolution, before its ReLU (Ioffe &amp; Szegedy, 2015). */
    public static final Variant BATCH_NORM =
            new Variant("BN", net -> net.withNormalisation(Normalisation.BATCH_NORM));

    /** Every layer twice the budget's width: 1/2 at the quick and full budgets' 1/4. */
    public static final Variant DOUBLE_WIDTH = new Variant("width ×2", net -> net.withWidth(2 * net.width()));

    /** No dropout after fc6 and fc7, where the paper has a ratio of 0.5 (Section 3.1). */
    public static final Variant NO_DROPOUT =
            new Variant("no dropout", net -> net.withVariant(net.variant().withDropout(0)));

    /**
     * Dropout is a regulariser (Section 3.1): where even the net without it does not overfit, it
     * can only slow the fitting, and the comparison says nothing about the claim. Two points of
     * top-1 error, about the MDE of the reference budget's three seeds for such a comparison.
     */
    private static final Premise REGULARISER_HAS_A_GAP_TO_CLOSE = new Premise.Overfits(2.0);

    private static Arm.Evaluated dense(String label, RunSelector run) {
        return new Arm.Evaluated(label, run, EvalMethod.DENSE, Q256);
    }

    @Override
    public List<ClaimDeclaration> claims() {
        RunSelector dFromGlorot = new RunSelector.FromScratch(VggConfig.D, Initialisation.GLOROT);
        RunSelector d = new RunSelector.Trained(VggConfig.D, S256);
        return List.of(
                new ClaimDeclaration(ClaimRecord.FIRST_BEYOND_THE_PAPER,
                        "Batch normalisation after every convolution lowers the error of D trained from random"
                                + " initialisation (D-BN beats D, both from Glorot).",
                        "Beyond the paper, which predates batch normalisation (Ioffe & Szegedy, 2015): the standard"
                                + " modern question about VGG. Both nets start from the same random initialisation,"
                                + " the start batch normalisation is meant to make deep nets trainable from, instead"
                                + " of the paper's warm start from A (Section 3.1).",
                        Double.NaN,
                        new ClaimKind.Superiority(List.of(new Comparison(
                                dense("D-BN from Glorot", new RunSelector.Varied(BATCH_NORM, dFromGlorot)),
                                dense("D from Glorot", dFromGlorot))))),
                new ClaimDeclaration(ClaimRecord.FIRST_BEYOND_THE_PAPER + 1,
                        "A net twice as wide has lower error (D at twice the budget's width beats D at the budget's"
                                + " width; 1/2 vs 1/4 at the quick budget).",
                        "Beyond the paper, which trains every configuration at Table 1's widths only. Both nets"
                                + " follow the paper's protocol at their own width (D warm-started from A of the"
                                + " same width, Section 3.1).",
                        Double.NaN,
                        new ClaimKind.Superiority(List.of(new Comparison(
                                dense("D width ×2", new RunSelector.Varied(DOUBLE_WIDTH, d)),
                                dense("D", d))))),
                new ClaimDeclaration(ClaimRecord.FIRST_BEYOND_THE_PAPER + 2,
                        "Dropout in the first two FC layers lowers the error of D (D beats D without dropout, both"
                                + " from Glorot).",
                        "Beyond the paper, which regularises with dropout 0.5 after fc6 and fc7 (Section 3.1) and"
                                + " never trains without it. Both nets start from the same random initialisation,"
                                + " so the D arm is claim 101's and the ablation adds one run per seed.",
                        Double.NaN,
                        new ClaimKind.Superiority(List.of(new Comparison(
                                dense("D from Glorot", dFromGlorot),
                                dense("D without dropout from Glorot", new RunSelector.Varied(NO_DROPOUT, dFromGlorot))))))
                        .requiring(REGULARISER_HAS_A_GAP_TO_CLOSE));
    }
}
