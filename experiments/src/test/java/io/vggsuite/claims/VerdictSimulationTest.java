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
 * test set of {@link #IMAGES} images that every seed is scored on, as the suite's are. Each image
 * has a difficulty both nets share (two nets agree on many images for that reason alone, as real
 * nets do) and, per net, a difficulty of its own that every seed of that net shares: some images
 * suit one architecture better than the other whatever the seed, so which images were drawn moves
 * every seed's gap alike (the noise the per-seed t leaves out, issue 31). Per seed each net's
 * accuracy moves by N(0, {@link #SEED_SD} points): the seed noise a one-seed run cannot see and
 * that the rule borrows from the budget's baseline (here: the true value, as a baseline from many
 * seeds would give).
 */
class VerdictSimulationTest {

    static final int EXPERIMENTS = 2000;
    static final int IMAGES = 1000;
    static final double ACCURACY = 0.55;
    static final double SEED_SD = 1.2;
    /** Share of an image's outcome fixed by a difficulty both nets share. */
    static final double SHARED_DIFFICULTY = 0.4;
    /** Share fixed by a difficulty of the net's own, the same for every seed of that net. */
    static final double OWN_DIFFICULTY = 0.3;

    private static final Arm FIRST = Arm.dense("X", VggConfig.D, AblationPlan.S256, List.of(256));
    private static final Arm SECOND = Arm.dense("Y", VggConfig.C, AblationPlan.S256, List.of(256));
    private static final ClaimDeclaration BEATS = new ClaimDeclaration(1, "X beats Y", "simulation", 1.0,
            new ClaimKind.Superiority(List.of(new Comparison(FIRST, SECOND))));
    private static final ClaimDeclaration EQUAL = new ClaimDeclaration(2, "X ≈ Y", "simulation", 0.0,
            new ClaimKind.Equivalence(new Comparison(FIRST, SECOND), 1.0));

    /** Outcome of one batch of simulated experiments, as shares of the experiments. */
    private record Rates(double reproduced, double contradicted, double smaller, double medianMde,
            double perSeedTReproduced) {}

    private static Rates simulate(ClaimDeclaration claim, int seeds, double trueGapPoints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int reproduced = 0;
        int contradicted = 0;
        int smaller = 0;
        int perSeedT = 0;
        double[] mdes = new double[EXPERIMENTS];
        for (int x = 0; x < EXPERIMENTS; x++) {
            double[] shared = uniforms(random);
            double[] ownFirst = uniforms(random);
            double[] ownSecond = uniforms(random);
            List<boolean[]> first = new ArrayList<>();
            List<boolean[]> second = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                first.add(net(random, shared, ownFirst, ACCURACY + trueGapPoints / 100));
                second.add(net(random, shared, ownSecond, ACCURACY));
            }
            Estimate e = ClaimStatistics.estimate(first, second, OptionalDouble.of(SEED_SD),
                    OptionalDouble.of(SEED_SD));
            Judgement j = ClaimJudge.tested(claim, List.of(e), "simulated", Optional.empty());
            ClaimRecord verdict = ClaimVerdicts.decide(List.of(j)).get(0);
            reproduced += verdict.verdict() == Verdict.REPRODUCED ? 1 : 0;
            contradicted += verdict.verdict() == Verdict.CONTRADICTED ? 1 : 0;
            smaller += verdict.verdict() == Verdict.SMALLER_THAN_PAPER ? 1 : 0;
            mdes[x] = j.test().orElseThrow().mde();
            if (seeds >= 2) { // the rule before issue 31, for comparison: the t over per-seed gaps alone
                double[] gaps = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    gaps[s] = Arrays.stream(ClaimStatistics.perImageDifferences(first.get(s), second.get(s)))
                            .average().orElseThrow();
                }
                perSeedT += ClaimStatistics.fromSeedGaps(gaps).pAbove(0) < ClaimStatistics.ALPHA ? 1 : 0;
            }
        }
        Arrays.sort(mdes);
        return new Rates((double) reproduced / EXPERIMENTS, (double) contradicted / EXPERIMENTS,
                (double) smaller / EXPERIMENTS, mdes[EXPERIMENTS / 2], (double) perSeedT / EXPERIMENTS);
    }

    private static double[] uniforms(SplittableRandom random) {
        double[] u = new double[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }

    /**
     * One net of one seed: its accuracy moved by the seed; each image right by the shared
     * difficulty, by the net's own, or by chance.
     */
    private static boolean[] net(SplittableRandom random, double[] shared, double[] own, double accuracy) {
        double p = accuracy + random.nextGaussian() * SEED_SD / 100;
        boolean[] right = new boolean[shared.length];
        for (int i = 0; i < right.length; i++) {
            double which = random.nextDouble();
            double u = which < SHARED_DIFFICULTY ? shared[i]
                    : which < SHARED_DIFFICULTY + OWN_DIFFICULTY ? own[i] : random.nextDouble();
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
                "no effect: reproduced %.1f%% (per-seed t alone: %s); stated MDE %.2f points; true gap %.2f"
                        + " (2×MDE): reproduced %.1f%%", 100 * none.reproduced(),
                seeds >= 2 ? String.format(Locale.ROOT, "%.1f%%", 100 * none.perSeedTReproduced()) : "n/a",
                none.medianMde(), twiceMde, 100 * effect.reproduced()));
        assertTrue(none.reproduced() <= 0.05, "false 'reproduced' rate " + none.reproduced());
        assertTrue(effect.reproduced() >= 0.80, "'reproduced' rate at 2×MDE " + effect.reproduced());
    }

    /** At the paper's own effect, neither "contradicted" nor "smaller than the paper's effect" may be said often. */
    @ParameterizedTest(name = "{0} seed(s)")
    @ValueSource(ints = {1, 3, 5})
    void atThePapersEffectContradictedOrSmallerIsSaidAtMostTwoAndAHalfPercent(int seeds, TestReporter reporter) {
        Rates atPaper = simulate(BEATS, seeds, BEATS.paperEffect(), 23L * seeds);
        reporter.publishEntry("seeds " + seeds, String.format(Locale.ROOT,
                "true gap = paper's %.1f: contradicted %.1f%%, smaller than the paper's %.1f%%, reproduced %.1f%%",
                BEATS.paperEffect(), 100 * atPaper.contradicted(), 100 * atPaper.smaller(),
                100 * atPaper.reproduced()));
        assertTrue(atPaper.contradicted() <= 0.025, "false 'contradicted' rate " + atPaper.contradicted());
        // The test of "smaller" has level α, so at the paper's own effect its rate is α in
        // expectation; Monte Carlo over EXPERIMENTS adds a standard error of √(α(1 − α)/EXPERIMENTS)
        // (0.35 points), so three of them are allowed above α.
        double monteCarlo = 3 * Math.sqrt(ClaimStatistics.ALPHA * (1 - ClaimStatistics.ALPHA) / EXPERIMENTS);
        assertTrue(atPaper.smaller() <= ClaimStatistics.ALPHA + monteCarlo,
                "false 'smaller than the paper' rate " + atPaper.smaller());
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
