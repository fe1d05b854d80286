package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.claims.ClaimStatistics.Estimate;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verdict rule ({@link ClaimStatistics#estimate} then {@link ClaimJudge#tested} then {@link
 * ClaimVerdicts#decide}) on synthetic experiments whose truth is known. Each experiment draws a
 * test set of {@link #IMAGES} images with a shared difficulty per image (two nets of one seed
 * agree on about half the images for that reason alone, as real nets do), and per seed each net's
 * accuracy moves by N(0, {@link #SEED_SD} points): the seed noise a one-seed run cannot see and
 * that the rule borrows from the budget's baseline (here: the true value, as a baseline from many
 * seeds would give).
 */
class VerdictSimulationTest {

    static final int EXPERIMENTS = 2000;
    static final int IMAGES = 1000;
    static final double ACCURACY = 0.55;
    static final double SEED_SD = 1.2;
    static final double SHARED_DIFFICULTY = 0.5;

    private static final Arm FIRST = Arm.dense("X", VggConfig.D, AblationPlan.S256, List.of(256));
    private static final Arm SECOND = Arm.dense("Y", VggConfig.C, AblationPlan.S256, List.of(256));
    private static final ClaimDeclaration BEATS = new ClaimDeclaration(1, "X beats Y", "simulation", 1.0,
            new ClaimKind.Superiority(List.of(new Comparison(FIRST, SECOND))));
    private static final ClaimDeclaration EQUAL = new ClaimDeclaration(2, "X ≈ Y", "simulation", 0.0,
            new ClaimKind.Equivalence(new Comparison(FIRST, SECOND), 1.0));

    /** Outcome of one batch of simulated experiments. */
    private record Rates(double reproduced, double contradicted, double medianMde) {}

    private static Rates simulate(ClaimDeclaration claim, int seeds, double trueGapPoints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int reproduced = 0;
        int contradicted = 0;
        double[] mdes = new double[EXPERIMENTS];
        for (int x = 0; x < EXPERIMENTS; x++) {
            double[] difficulty = new double[IMAGES];
            for (int i = 0; i < IMAGES; i++) {
                difficulty[i] = random.nextDouble();
            }
            List<boolean[]> first = new ArrayList<>();
            List<boolean[]> second = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                first.add(net(random, difficulty, ACCURACY + trueGapPoints / 100));
                second.add(net(random, difficulty, ACCURACY));
            }
            Estimate e = ClaimStatistics.estimate(first, second, OptionalDouble.of(SEED_SD),
                    OptionalDouble.of(SEED_SD));
            Judgement j = ClaimJudge.tested(claim, List.of(e), "simulated", Optional.empty());
            ClaimRecord verdict = ClaimVerdicts.decide(List.of(j)).get(0);
            reproduced += verdict.verdict() == Verdict.REPRODUCED ? 1 : 0;
            contradicted += verdict.verdict() == Verdict.CONTRADICTED ? 1 : 0;
            mdes[x] = j.mde();
        }
        Arrays.sort(mdes);
        return new Rates((double) reproduced / EXPERIMENTS, (double) contradicted / EXPERIMENTS,
                mdes[EXPERIMENTS / 2]);
    }

    /** One net of one seed: its accuracy moved by the seed, each image right by shared difficulty or by chance. */
    private static boolean[] net(SplittableRandom random, double[] difficulty, double accuracy) {
        double p = accuracy + random.nextGaussian() * SEED_SD / 100;
        boolean[] right = new boolean[difficulty.length];
        for (int i = 0; i < right.length; i++) {
            double u = random.nextDouble() < SHARED_DIFFICULTY ? difficulty[i] : random.nextDouble();
            right[i] = u < p;
        }
        return right;
    }

    @ParameterizedTest(name = "{0} seed(s)")
    @ValueSource(ints = {1, 3, 5})
    void superiorityIsReproducedAtMostFivePercentWithoutAnEffectAndEightyPercentAtTwiceTheMde(int seeds,
            TestReporter reporter) {
        Rates none = simulate(BEATS, seeds, 0.0, 11L * seeds);
        double twiceMde = 2 * none.medianMde();
        Rates effect = simulate(BEATS, seeds, twiceMde, 13L * seeds);
        reporter.publishEntry("seeds " + seeds, String.format(Locale.ROOT,
                "no effect: reproduced %.1f%%; stated MDE %.2f points; true gap %.2f (2×MDE): reproduced %.1f%%",
                100 * none.reproduced(), none.medianMde(), twiceMde, 100 * effect.reproduced()));
        assertTrue(none.reproduced() <= 0.05, "false 'reproduced' rate " + none.reproduced());
        assertTrue(effect.reproduced() >= 0.80, "'reproduced' rate at 2×MDE " + effect.reproduced());
    }

    @ParameterizedTest(name = "{0} seed(s)")
    @ValueSource(ints = {1, 3, 5})
    void equivalenceWithinOnePointIsReproducedAtMostFivePercentWhenTheTrueGapIsTwo(int seeds, TestReporter reporter) {
        Rates apart = simulate(EQUAL, seeds, 2.0, 17L * seeds);
        Rates same = simulate(EQUAL, seeds, 0.0, 19L * seeds);
        reporter.publishEntry("seeds " + seeds, String.format(Locale.ROOT,
                "true gap 2, margin 1: reproduced %.1f%% (contradicted %.1f%%); true gap 0: reproduced %.1f%%"
                        + " (stated equivalence MDE %.2f)", 100 * apart.reproduced(), 100 * apart.contradicted(),
                100 * same.reproduced(), same.medianMde()));
        assertTrue(apart.reproduced() <= 0.05, "'reproduced' rate at a true gap of 2 " + apart.reproduced());
    }
}
