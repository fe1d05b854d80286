package io.vggsuite.claims;

import io.vggsuite.claims.ClaimStatistics.Estimate;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.Scores;
import io.vggsuite.results.ChanceLevel;
import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.MetricNames;
import io.vggsuite.results.SeedSpreads;
import io.vggsuite.results.Verdict;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.TrainedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Measures one declared claim on the runs of a session: effect, interval, p-values, MDE and evidence. */
public final class ClaimJudge {


    private final Measurements measurements;

    public ClaimJudge(Measurements measurements) {
        this.measurements = measurements;
    }

    public Judgement judge(ClaimDeclaration claim) {
        ClaimKind kind = claim.kind();
        if (!(kind instanceof ClaimKind.Trainability)) {
            List<String> diverged = diverged(kind.runs());
            if (!diverged.isEmpty()) {
                // A diverged run has no model to score: the claim cannot be measured at this budget.
                List<String> failed = new ArrayList<>(diverged);
                failed.addAll(atChance(kind.runs()));
                return Judgement.decided(claim, Verdict.INCONCLUSIVE, outOfScope(claim), "not measurable at this budget: "
                        + String.join("; ", failed) + " (plain SGD at the paper's 10⁻², Section 3.1)");
            }
        }
        Judgement measured = kind instanceof ClaimKind.Superiority s ? superiority(claim, s)
                : kind instanceof ClaimKind.Equivalence e ? equivalence(claim, e)
                : trainability(claim, (ClaimKind.Trainability) kind);
        return outOfScope(claim).map(measured::outOfScope).orElse(measured);
    }

    /**
     * The premise of {@code claim} that this budget cannot meet, with the numbers, if any.
     */
    private Optional<String> outOfScope(ClaimDeclaration claim) {
        if (claim.premise().isEmpty()) {
            return Optional.empty();
        }
        Premise premise = claim.premise().get();
        if (premise instanceof Premise.Overfits overfits) {
            return notOverfitting(claim, overfits);
        }
        if (premise instanceof Premise.PapersDensePadding) {
            return measurements.densePadding() == DensePadding.NEIGHBOURS ? Optional.empty()
                    : Optional.of("premise not met: " + premise.statement() + "; this budget runs each dense window"
                            + " alone, zero-padded like multi-crop's crops, because at its crop the paper's padding"
                            + " scores a function its nets never learned (docs/budgets.md, \"Dense evaluation at a"
                            + " crop of 32\")");
        }
        return withoutDetail(claim, premise);
    }

    /**
     * For {@link Premise.NativeDetailAtScale}: the largest scale in data pixels that the claim's
     * runs train or test at (S of every run it reads, Q of every evaluated arm), against the data's
     * native side.
     */
    private Optional<String> withoutDetail(ClaimDeclaration claim, Premise premise) {
        int largest = 0;
        String where = "";
        int nativeSide = Integer.MAX_VALUE;
        String dataset = "";
        for (RunSelector selector : claim.kind().runs().stream().distinct().toList()) {
            RunSpec spec = measurements.runs(selector).get(0).spec();
            if (spec.trainScale().max() > largest) {
                largest = spec.trainScale().max();
                where = "training scale S " + spec.paperScaleLabel() + " → " + spec.trainScale().max() + " px";
            }
            nativeSide = Math.min(nativeSide, spec.data().nativeSide().orElse(Integer.MAX_VALUE));
            dataset = spec.data().dataset();
        }
        for (Comparison c : claim.kind().comparisons()) {
            for (Arm arm : List.of(c.first(), c.second())) {
                for (Arm.Evaluated e : arm.evaluated()) {
                    RunSpec spec = measurements.runs(e.run()).get(0).spec();
                    ScaleMapping mapping = ScaleMapping.forCrop(spec.model().cropSize());
                    for (int q : e.testScales()) {
                        if (mapping.map(q) > largest) {
                            largest = mapping.map(q);
                            where = "test scale Q " + q + " → " + mapping.map(q) + " px";
                        }
                    }
                }
            }
        }
        if (nativeSide == Integer.MAX_VALUE || largest <= nativeSide) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "premise not met: %s; %s images are %d px and this claim's"
                + " largest scale is %d px (%s), an interpolation of the %d-px image with no detail added",
                premise.statement(), dataset, nativeSide, largest, where, nativeSide));
    }

    /**
     * For {@link Premise.Overfits}: each arm's generalisation gap at the last epoch (validation
     * minus training top-1 error, mean over its seeds), out of scope when even the largest falls
     * short of the premise's minimum.
     */
    private Optional<String> notOverfitting(ClaimDeclaration claim, Premise.Overfits premise) {
        List<String> gaps = new ArrayList<>();
        double largest = Double.NEGATIVE_INFINITY;
        for (Comparison c : claim.kind().comparisons()) {
            for (Arm arm : List.of(c.first(), c.second())) {
                List<EpochRecord> last = arm.runs().stream().flatMap(selector -> measurements.runs(selector).stream())
                        .map(run -> run.folder().epochs()).filter(epochs -> !epochs.isEmpty())
                        .map(epochs -> epochs.get(epochs.size() - 1)).toList();
                if (last.isEmpty()) {
                    continue;
                }
                double train = last.stream().mapToDouble(EpochRecord::trainTop1Error).average().orElseThrow();
                double validation = last.stream().mapToDouble(EpochRecord::validationTop1Error).average().orElseThrow();
                String gap = String.format(Locale.ROOT, "%s: training %.2f, validation %.2f at epoch %d",
                        arm.label(), train, validation, last.get(0).epoch());
                if (!gaps.contains(gap)) {
                    gaps.add(gap);
                }
                largest = Math.max(largest, validation - train);
            }
        }
        if (gaps.isEmpty() || largest >= premise.minimumGap()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "premise not met: %s; the largest gap is %+.2f points (%s;"
                + " means over seeds)", premise.statement(), largest, String.join("; ", gaps)));
    }

    /**
     * Each distinct arm of {@code claim}'s comparisons, measured (top-1 and top-5 error averaged
     * over the seeds): what the report prints as the claim's own table. Empty for trainability,
     * whose evidence lists its three runs.
     */
    public List<ArmRecord> arms(ClaimDeclaration claim) {
        List<Comparison> comparisons = claim.kind().comparisons();
        Map<String, ArmRecord> arms = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            for (Arm arm : List.of(c.first(), c.second())) {
                arms.computeIfAbsent(arm.label(), label -> {
                    List<TrainedRun> runs = arm.runs().stream()
                            .flatMap(selector -> measurements.runs(selector).stream()).toList();
                    List<String> runIds = runs.stream().map(run -> run.spec().runId()).toList();
                    if (runs.stream().anyMatch(TrainedRun::diverged)) {
                        return new ArmRecord(claim.id(), label, runIds, Double.NaN, Double.NaN);
                    }
                    List<Scores> scores = scores(arm);
                    return new ArmRecord(claim.id(), label, runIds, mean(scores),
                            scores.stream().mapToDouble(Scores::top5Error).average().orElse(Double.NaN));
                });
            }
        }
        return List.copyOf(arms.values());
    }

    /** "A-LRN w1/4 S256 glorot (seed 1) diverged at epoch 1 (last finite loss 1.95)", one per diverged run. */
    private List<String> diverged(List<RunSelector> selectors) {
        return selectors.stream().distinct().flatMap(selector -> measurements.runs(selector).stream())
                .filter(TrainedRun::diverged)
                .map(run -> String.format(Locale.ROOT, "%s (seed %d) diverged at epoch %d (last finite loss %.3g)",
                        MetricNames.run(run.spec().key()), run.spec().seed(), run.divergence().get().epoch(),
                        run.divergence().get().lastFiniteLoss()))
                .distinct().toList();
    }

    /**
     * "A-LRN w1/8 S256 glorot (seed 1) did not train (top-1 89.90 at Q256, chance 90.0)", one per
     * run that ended without diverging but at chance: beside the diverged ones, so the evidence
     * counts every seed that failed, not only those that blew up.
     */
    private List<String> atChance(List<RunSelector> selectors) {
        return selectors.stream().distinct().flatMap(selector -> measurements.runs(selector).stream())
                .filter(run -> !run.diverged())
                .map(run -> Map.entry(run, measurements.scores(run, io.vggsuite.results.EvalMethod.DENSE, List.of(256))))
                .filter(scored -> !learned(List.of(scored.getValue())))
                .map(scored -> String.format(Locale.ROOT, "%s (seed %d) did not train (top-1 %.2f at Q256, chance %.1f)",
                        MetricNames.run(scored.getKey().spec().key()), scored.getKey().spec().seed(),
                        scored.getValue().top1Error(), chance(scored.getValue())))
                .distinct().toList();
    }

    /** One comparison measured: its estimate and the texts that go into the evidence. */
    private record Measured(Comparison comparison, Estimate estimate, String text, Optional<String> cap) {}

    private Judgement superiority(ClaimDeclaration claim, ClaimKind.Superiority kind) {
        List<Measured> all = kind.comparisons().stream().map(this::measure).toList();
        return tested(claim, all.stream().map(Measured::estimate).toList(),
                all.stream().map(Measured::text).collect(Collectors.joining("; ")), firstCap(all));
    }

    private Judgement equivalence(ClaimDeclaration claim, ClaimKind.Equivalence kind) {
        Measured m = measure(kind.comparison());
        return tested(claim, List.of(m.estimate()), m.text(), m.cap());
    }

    /**
     * The claim's p-values and MDE from its comparisons' estimates. Superiority: the claim's p is
     * the largest one-sided p of "gap ≤ 0" (all k comparisons must hold: an intersection–union
     * test, level α without adjustment); "the opposite holds" and "smaller than the paper's
     * effect" each hold if any one comparison shows it, so their p-values are the smallest over
     * the comparisons times k (Bonferroni, capped at 1). The effect, interval and MDE are those of
     * the weakest comparison, so that the three printed side by side belong together.
     * Equivalence: TOST's p, the p of "outside the margin", and the narrowest margin TOST could
     * establish.
     */
    public static Judgement tested(ClaimDeclaration claim, List<Estimate> estimates, String evidence,
            Optional<String> cap) {
        if (claim.kind() instanceof ClaimKind.Equivalence eq) {
            Estimate e = estimates.get(0);
            // The comparison's text states the MDE of a one-sided difference; equivalence has its own.
            String text = evidence + String.format(Locale.ROOT,
                    "; TOST against ±%.1f: p=%.3g; narrowest margin TOST could establish (equivalence MDE) %.2f",
                    eq.margin(), e.pEquivalent(eq.margin()), e.equivalenceMde());
            return Judgement.tested(claim, new Judgement.Test(e.gap(), e.low(), e.high(), e.pEquivalent(eq.margin()),
                    e.pOutside(eq.margin()), OptionalDouble.empty(), e.equivalenceMde()), cap, text);
        }
        if (!(claim.kind() instanceof ClaimKind.Superiority)) {
            throw new IllegalArgumentException("claim " + claim.id() + " is " + claim.kind().label()
                    + ", which no statistical test judges");
        }
        int k = estimates.size();
        Estimate weakest = estimates.get(0);
        double pClaim = -1;
        double pOpposite = 1;
        double pSmaller = 1;
        for (Estimate e : estimates) {
            double p = e.pAbove(0);
            if (p > pClaim) {
                pClaim = p;
                weakest = e;
            }
            pOpposite = Math.min(pOpposite, e.pBelow(0));
            pSmaller = Math.min(pSmaller, Double.isNaN(claim.paperEffect()) ? 1 : e.pBelow(claim.paperEffect()));
        }
        OptionalDouble pSmallerThanPaper = Double.isNaN(claim.paperEffect())
                ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1, k * pSmaller));
        return Judgement.tested(claim, new Judgement.Test(weakest.gap(), weakest.low(), weakest.high(), pClaim,
                Math.min(1, k * pOpposite), pSmallerThanPaper, weakest.superiorityMde()), cap, evidence);
    }

    private Measured measure(Comparison comparison) {
        List<Scores> first = scores(comparison.first());
        List<Scores> second = scores(comparison.second());
        int seeds = first.size();
        OptionalDouble sFirst = seeds == 1 ? seedStd(comparison.first()) : OptionalDouble.empty();
        OptionalDouble sSecond = seeds == 1 ? seedStd(comparison.second()) : OptionalDouble.empty();
        Estimate estimate = ClaimStatistics.estimate(correct(first), correct(second), sFirst, sSecond);
        String noise;
        Optional<String> cap = Optional.empty();
        int images = first.get(0).images();
        Optional<SeedSpreads> spreads = measurements.seedSpreads();
        if (seeds >= 2) {
            double[] gaps = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                gaps[seed] = second.get(seed).top1Error() - first.get(seed).top1Error();
            }
            double shared = ClaimStatistics.SeedsByImages.of(
                    ClaimStatistics.perSeedDifferences(correct(first), correct(second))).sharedShare();
            noise = String.format(Locale.ROOT, "%d seeds × %d shared test images: SE %.3f (the %d per-seed gaps"
                    + " alone: %.3f; share of the test-set variance all seeds share ρ %.2f), t with %.1f df", seeds,
                    images, estimate.standardError(), seeds, ClaimStatistics.fromSeedGaps(gaps).standardError(), shared,
                    estimate.degreesOfFreedom());
        } else if (estimate.seedNoiseKnown()) {
            noise = String.format(Locale.ROOT, "one seed: test-set variance of %d paired images + seed SD %.2f"
                    + " and %.2f borrowed from %s", images, sFirst.getAsDouble(), sSecond.getAsDouble(),
                    spreads.orElseThrow().source());
        } else {
            String why = spreads.isEmpty() ? "this budget has no baseline"
                    : spreads.get().source() + " lacks " + (sFirst.isEmpty() ? metric(comparison.first())
                            : metric(comparison.second()));
            noise = "one seed: test-set variance of " + images + " images only; seed noise unknown (" + why + ")";
            cap = Optional.of("seed noise unknown");
        }
        if (!learned(first) || !learned(second)) {
            cap = Optional.of("a net at chance level did not train at this budget");
        }
        String text = String.format(Locale.ROOT, "%s %.2f vs %s %.2f top-1: gap %+.2f, 95%% CI [%+.2f, %+.2f],"
                        + " MDE %.2f (%s)", comparison.first().label(), mean(first), comparison.second().label(),
                mean(second), estimate.gap(), estimate.low(), estimate.high(), estimate.superiorityMde(), noise);
        return new Measured(comparison, estimate, text, cap);
    }

    private Judgement trainability(ClaimDeclaration claim, ClaimKind.Trainability kind) {
        Status shallow = status(kind.shallow());
        Status deep = status(kind.deep());
        Status warm = status(kind.deepWarm());
        String evidence = String.join("; ", shallow.describe("shallow from the paper's start"),
                deep.describe("deep from the paper's start"), warm.describe("deep warm-started"));
        List<String> missing = new ArrayList<>();
        if (!shallow.allTrained()) {
            missing.add("control missing: the shallow net did not train from the paper's initialisation");
        }
        if (!warm.allTrained()) {
            missing.add("control missing: the warm-started deep net did not train");
        }
        Verdict verdict;
        if (!missing.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (deep.noneTrained()) {
            verdict = Verdict.REPRODUCED;
        } else if (deep.allTrained()) {
            verdict = Verdict.CONTRADICTED;
            missing.add("the deep net trained from the paper's initialisation in every seed");
        } else {
            verdict = Verdict.INCONCLUSIVE;
            missing.add("the deep net trained from the paper's initialisation in some seeds only");
        }
        if (!missing.isEmpty()) {
            evidence += " [" + String.join("; ", missing) + "]";
        }
        return Judgement.decided(claim, verdict, Optional.empty(), evidence);
    }

    /** Per seed: trained (top-1 error at least {@link ChanceLevel#MARGIN_POINTS} under chance), and its text. */
    private record Status(List<Boolean> trained, List<String> texts, String run) {
        boolean allTrained() {
            return trained.stream().allMatch(t -> t);
        }

        boolean noneTrained() {
            return trained.stream().noneMatch(t -> t);
        }

        String describe(String role) {
            return role + " (" + run + "): " + String.join(", ", texts);
        }
    }

    private Status status(RunSelector selector) {
        List<Boolean> trained = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String name = "";
        for (TrainedRun run : measurements.runs(selector)) {
            name = MetricNames.run(run.spec().key());
            if (run.diverged()) {
                trained.add(false);
                texts.add("diverged at epoch " + run.divergence().get().epoch());
            } else {
                Scores s = measurements.scores(run, io.vggsuite.results.EvalMethod.DENSE, List.of(256));
                trained.add(learned(List.of(s)));
                texts.add(String.format(Locale.ROOT, "%.2f top-1 (chance %.1f)", s.top1Error(), chance(s)));
            }
        }
        return new Status(trained, texts, name);
    }

    private List<Scores> scores(Arm arm) {
        if (arm instanceof Arm.Evaluated e) {
            return measurements.runs(e.run()).stream()
                    .map(run -> measurements.scores(run, e.method(), e.testScales())).toList();
        }
        List<List<Scores>> members = ((Arm.Fused) arm).members().stream().map(this::scores).toList();
        List<Scores> fused = new ArrayList<>();
        for (int seed = 0; seed < members.get(0).size(); seed++) {
            int at = seed;
            fused.add(Scores.average(members.stream().map(m -> m.get(at)).toList()));
        }
        return fused;
    }

    /** The baseline's name for the arm's top-1 error at the first seed's runs. */
    String metric(Arm arm) {
        return ArmMetrics.top1Error(arm, selector -> measurements.runs(selector).get(0).spec());
    }

    private OptionalDouble seedStd(Arm arm) {
        return measurements.seedSpreads().map(s -> s.of(metric(arm))).orElse(OptionalDouble.empty());
    }

    private static List<boolean[]> correct(List<Scores> scores) {
        return scores.stream().map(s -> s.correct(1)).toList();
    }

    private static Optional<String> firstCap(List<Measured> all) {
        return all.stream().map(Measured::cap).flatMap(Optional::stream).findFirst();
    }

    private static double mean(List<Scores> scores) {
        return scores.stream().mapToDouble(Scores::top1Error).average().orElse(Double.NaN);
    }

    private static double chance(Scores s) {
        return s.images() == 0 ? 0 : new ChanceLevel(s.probabilities()[0].length).top1Error();
    }

    private static boolean learned(List<Scores> scores) {
        return scores.stream().allMatch(s -> s.top1Error() < chance(s) - ChanceLevel.MARGIN_POINTS);
    }
}
