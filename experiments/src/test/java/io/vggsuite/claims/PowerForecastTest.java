package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.results.SeedSpreads;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The plan's forecast of what a budget can decide mirrors the verdict rule's own noise and MDE. */
class PowerForecastTest {

    private static final PowerForecast.NoisePrior PRIOR = new PowerForecast.NoisePrior(0.8, 0.2, 0.0, "test prior");
    private static final AblationPlan PLAN = new AblationPlan(Budget.QUICK, 10, 3, 1);

    @Test
    void oneSeedForecastEqualsTheRulesMdeOnPerImageDifferencesOfThatDiscordance() {
        int images = 2000;
        // 20% discordant images, half won by each arm: the per-image differences the rule sees at gap 0.
        double[] d = new double[images];
        for (int i = 0; i < images * 0.2; i++) {
            d[i] = i % 2 == 0 ? 100 : -100;
        }
        double rule = ClaimStatistics.fromOneSeed(d, 0.8, 0.8).superiorityMde();
        double forecast = new PowerForecast(1, images, Optional.empty(), PRIOR).noise(0.8, 0.8).superiorityMde();
        // The rule's sample variance divides by n − 1, the forecast's by n.
        assertEquals(rule, forecast, rule * 1e-3);
    }

    @Test
    void severalSeedsForecastIsTheTTestMdeOverPerSeedGapsOfThatSpread() {
        PowerForecast three = new PowerForecast(3, 10_000, Optional.empty(), PRIOR);
        double perSeedSd = Math.sqrt(100.0 * 100 * 0.2 / 10_000 + 2 * 0.8 * 0.8);
        ClaimStatistics.Estimate expected = new ClaimStatistics.Estimate(0, perSeedSd / Math.sqrt(3), 2, true);
        assertEquals(expected.superiorityMde(), three.noise(0.8, 0.8).superiorityMde(), 1e-9);
        assertEquals(expected.equivalenceMde(), three.noise(0.8, 0.8).equivalenceMde(), 1e-9);
    }

    @Test
    void moreSeedsAndTestImagesShrinkTheMdeAndDecideMoreClaims(TestReporter reporter) {
        List<ClaimDeclaration> claims = new PaperClaims().claims();
        PowerForecast small = new PowerForecast(1, 500, Optional.empty(), PRIOR);
        PowerForecast large = new PowerForecast(20, 10_000, Optional.empty(), PRIOR);
        List<PowerForecast.Forecast> few = small.forecast(claims, PLAN);
        List<PowerForecast.Forecast> many = large.forecast(claims, PLAN);
        reporter.publishEntry("1 seed, 500 images", small.describe(few));
        reporter.publishEntry("20 seeds, 10,000 images", large.describe(many));
        assertTrue(few.stream().noneMatch(f -> f.decidable() == PowerForecast.Decidable.YES),
                "one seed and 500 images decide nothing at a seed SD of 0.8");
        long decided = many.stream().filter(f -> f.decidable() == PowerForecast.Decidable.YES).count();
        assertTrue(decided >= 5, "20 seeds and 10,000 images should decide the claims with effects ≥ 0.6, got " + decided);
        for (int i = 0; i < claims.size(); i++) {
            if (!Double.isNaN(few.get(i).mde())) {
                assertTrue(many.get(i).mde() < few.get(i).mde(), "claim " + claims.get(i).id());
            }
        }
        assertEquals(PowerForecast.Decidable.NOT_A_TEST, few.get(11).decidable(), "claim 12 is judged by training");
        assertEquals(PowerForecast.Decidable.NO_PAPER_EFFECT, few.get(5).decidable(), "claim 6 has no effect in points");
    }

    @Test
    void seedSpreadsOfTheBaselineReplaceThePriorWhereItHasTheArmsMetrics() {
        ClaimDeclaration claim5 = new PaperClaims().claims().get(4);
        ClaimKind.Superiority kind = (ClaimKind.Superiority) claim5.kind();
        String d = ArmMetrics.top1Error(kind.comparisons().get(0).first(), s -> s.select(PLAN));
        String c = ArmMetrics.top1Error(kind.comparisons().get(0).second(), s -> s.select(PLAN));
        SeedSpreads measured = new SeedSpreads(Path.of("ci/baselines/quick.csv"), Map.of(d, 0.1, c, 0.1));
        PowerForecast.Forecast withBaseline = new PowerForecast(1, 10_000, Optional.of(measured), PRIOR)
                .forecast(List.of(claim5), PLAN).get(0);
        PowerForecast.Forecast withPrior = new PowerForecast(1, 10_000, Optional.empty(), PRIOR)
                .forecast(List.of(claim5), PLAN).get(0);
        assertTrue(withBaseline.noiseSource().contains("quick.csv"), withBaseline.noiseSource());
        assertEquals("test prior", withPrior.noiseSource());
        assertTrue(withBaseline.mde() < withPrior.mde(), withBaseline.mde() + " vs " + withPrior.mde());
    }

    @Test
    void theSeedsNeededAreTheFewestWithWhichTheForecastWouldDecideTheClaim() {
        List<ClaimDeclaration> claims = new PaperClaims().claims();
        List<PowerForecast.Forecast> oneSeed = new PowerForecast(1, 5_000, Optional.empty(), PRIOR).forecast(claims, PLAN);
        int withAnAnswer = 0;
        for (PowerForecast.Forecast f : oneSeed) {
            if (f.seedsNeeded().isEmpty()) {
                continue;
            }
            withAnAnswer++;
            int k = f.seedsNeeded().getAsInt();
            List<ClaimDeclaration> one = List.of(f.claim());
            assertEquals(PowerForecast.Decidable.YES,
                    new PowerForecast(k, 5_000, Optional.empty(), PRIOR).forecast(one, PLAN).get(0).decidable(),
                    "claim " + f.claim().id() + " with " + k + " seeds");
            assertTrue(k >= 2, "a seed spread needs two seeds");
            if (k > 2) {
                assertEquals(PowerForecast.Decidable.NO,
                        new PowerForecast(k - 1, 5_000, Optional.empty(), PRIOR).forecast(one, PLAN).get(0).decidable(),
                        "claim " + f.claim().id() + " with " + (k - 1) + " seeds");
            }
        }
        assertTrue(withAnAnswer >= 5, "claims with an effect of 0.6 or more are decidable within "
                + PowerForecast.MOST_SEEDS_CONSIDERED + " seeds at a seed SD of 0.8: " + withAnAnswer);
        assertTrue(oneSeed.get(11).seedsNeeded().isEmpty(), "claim 12 is not a test");
        assertTrue(oneSeed.get(5).seedsNeeded().isEmpty(), "claim 6 has no effect to reach");
    }

    @Test
    void measuredPerSeedGapsReplaceTheIndependentArmsVarianceAndMatchTheRulesTTestOverThoseGaps() {
        ClaimDeclaration claim4 = new PaperClaims().claims().get(3);
        Comparison bc = claim4.kind().comparisons().get(0);
        String first = ArmMetrics.top1Error(bc.first(), s -> s.select(PLAN));
        String second = ArmMetrics.top1Error(bc.second(), s -> s.select(PLAN));
        // Two arms that move together from seed to seed: each varies by ~1 point, their gap by 0.2.
        double[][] errors = {{28.08, 30.54}, {29.98, 32.10}, {29.62, 31.72}};
        java.util.SortedMap<Long, java.util.SortedMap<String, Double>> bySeed = new java.util.TreeMap<>();
        double[] gaps = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            java.util.SortedMap<String, Double> m = new java.util.TreeMap<>();
            m.put(first, errors[i][0]);
            m.put(second, errors[i][1]);
            bySeed.put(i + 1L, m);
            gaps[i] = errors[i][1] - errors[i][0];
        }
        PowerForecast.MeasuredSeeds measured = new PowerForecast.MeasuredSeeds(Path.of("results/quick"), bySeed);
        PowerForecast.Forecast withGaps = new PowerForecast(3, 5_000, Optional.empty(), PRIOR)
                .withMeasuredSeeds(measured).forecast(List.of(claim4), PLAN).get(0);
        PowerForecast.Forecast withoutGaps = new PowerForecast(3, 5_000, Optional.empty(), PRIOR)
                .forecast(List.of(claim4), PLAN).get(0);
        assertEquals(ClaimStatistics.fromSeedGaps(gaps).superiorityMde(), withGaps.mde(), 1e-9);
        assertTrue(withGaps.mde() < withoutGaps.mde() / 3, withGaps.mde() + " vs " + withoutGaps.mde());
        assertEquals("gap SD measured over seeds [1, 2, 3] in quick, shared share ρ 0.00 assumed", withGaps.noiseSource());
        // One seed of each arm measures no gap spread: the forecast keeps the independent arms'.
        bySeed.remove(2L);
        bySeed.remove(3L);
        PowerForecast.Forecast oneSeedMeasured = new PowerForecast(3, 5_000, Optional.empty(), PRIOR)
                .withMeasuredSeeds(new PowerForecast.MeasuredSeeds(Path.of("results/quick"), bySeed))
                .forecast(List.of(claim4), PLAN).get(0);
        assertEquals(withoutGaps.mde(), oneSeedMeasured.mde(), 1e-12);
        assertEquals("test prior", oneSeedMeasured.noiseSource());
    }
    @Test
    void withTheMeasuredDiscordanceAndSharedShareTheForecastMatchesTheRulesVarianceOnSeedsSharingImages() {
        // Five seeds on 2,000 shared images, 200 times. Each image has an outcome of the pair
        // (first right only, second right only, or the same); each seed keeps it with probability
        // 0.6, else draws its own from the same distribution: the shared image part the per-seed t
        // misses. One experiment's variance estimate rests on 4 df for its seed part, so the
        // forecast is compared with the rule's mean over the experiments.
        int seeds = 5;
        int images = 2_000;
        int experiments = 200;
        java.util.Random random = new java.util.Random(7);
        double ruleVariance = 0;
        double shares = 0;
        double discordant = 0;
        for (int e = 0; e < experiments; e++) {
            double[] shared = new double[images];
            for (int i = 0; i < images; i++) {
                shared[i] = outcome(random);
            }
            List<double[]> rows = new java.util.ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                double[] row = new double[images];
                for (int i = 0; i < images; i++) {
                    row[i] = random.nextDouble() < 0.6 ? shared[i] : outcome(random);
                    discordant += row[i] != 0 ? 1 : 0;
                }
                rows.add(row);
            }
            ClaimStatistics.SeedsByImages rule = ClaimStatistics.SeedsByImages.of(rows);
            ruleVariance += Math.pow(rule.estimate().standardError(), 2) / experiments;
            shares += rule.sharedShare() / experiments;
        }
        double discordance = discordant / experiments / seeds / images;
        assertEquals(0.36, shares, 0.03, "ρ = 0.6² of the test-set variance is shared");
        PowerForecast.NoisePrior measured = new PowerForecast.NoisePrior(0, discordance, shares,
                "measured on the simulated seeds");
        double forecast = Math.pow(new PowerForecast(seeds, images, Optional.empty(), measured).noise(0, 0)
                .standardError(), 2);
        assertEquals(ruleVariance, forecast, 0.03 * forecast);
        double withoutShared = Math.pow(new PowerForecast(seeds, images, Optional.empty(),
                new PowerForecast.NoisePrior(0, discordance, 0, "ρ left out")).noise(0, 0).standardError(), 2);
        assertTrue(withoutShared < 0.6 * ruleVariance, "dividing the whole test-set variance by the seeds"
                + " understates the rule's: " + withoutShared + " vs " + ruleVariance);
    }

    /** A paired per-image difference: 15% first-only, 15% second-only, otherwise agreement. */
    private static double outcome(java.util.Random random) {
        double u = random.nextDouble();
        return u < 0.15 ? 100 : u < 0.30 ? -100 : 0;
    }

    @Test
    void theTestImagesEverySeedSharesSetAFloorNoNumberOfSeedsCrosses() {
        ClaimDeclaration claim4 = new PaperClaims().claims().get(3);
        PowerForecast.NoisePrior shared = new PowerForecast.NoisePrior(0.8, 0.2, 0.5, "half shared");
        // T = 100² · 0.2 / 1,000 = 2: the shared part alone has SE 1, so an MDE near 2.8 at any seed count.
        PowerForecast.Forecast floored = new PowerForecast(3, 1_000, Optional.empty(), shared)
                .forecast(List.of(claim4), PLAN).get(0);
        PowerForecast.Forecast unshared = new PowerForecast(3, 1_000, Optional.empty(), PRIOR)
                .forecast(List.of(claim4), PLAN).get(0);
        assertTrue(floored.mdeAtMostSeeds() > 2.5, "floor " + floored.mdeAtMostSeeds());
        assertTrue(unshared.mdeAtMostSeeds() < 1.0, "without a shared part 100 seeds average it away: "
                + unshared.mdeAtMostSeeds());
        assertTrue(floored.seedsNeeded().isEmpty(), "no seed count decides claim 4's 0.6 under the floor");
        assertTrue(new PowerForecast(3, 100_000, Optional.empty(), shared).forecast(List.of(claim4), PLAN).get(0)
                .seedsNeeded().isPresent(), "a hundred times the test images lower the floor below 0.6");
    }

    @Test
    void theAssumedSharedShareLiesInTheUpperHalfOfWhatThePublishedReferenceMeasured() throws java.io.IOException {
        Path claims = Path.of("..", "published", "cifar10-reference", "claims.csv");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("all seeds share ρ ([0-9.]+)")
                .matcher(java.nio.file.Files.readString(claims));
        List<Double> measured = new java.util.ArrayList<>();
        while (m.find()) {
            measured.add(Double.parseDouble(m.group(1)));
        }
        assertTrue(measured.size() >= 10, claims + " prints ρ for its comparisons: " + measured);
        java.util.Collections.sort(measured);
        double assumed = PowerForecast.NoisePrior.ASSUMED.sharedShare();
        assertTrue(assumed >= measured.get(measured.size() / 2) && assumed <= measured.get(measured.size() - 1),
                "ρ " + assumed + " against " + measured);
    }
}
