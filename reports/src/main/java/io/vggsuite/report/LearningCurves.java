package io.vggsuite.report;

import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.report.plot.Plot;
import io.vggsuite.report.plot.SmallMultiples;
import io.vggsuite.report.plot.SmallMultiples.Band;
import io.vggsuite.report.plot.SmallMultiples.Layout;
import io.vggsuite.report.plot.SmallMultiples.Marker;
import io.vggsuite.report.plot.SmallMultiples.Panel;
import io.vggsuite.report.plot.SmallMultiples.Trace;
import io.vggsuite.report.plot.SmallMultiples.YAxes;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Learning curves that show whether a net had stopped improving: one figure per net, one line per
 * arm (the mean over its seeds) with the seeds' range as a band, training error dashed beside
 * validation error, the learning-rate drops marked (the paper divides the rate by 10 when the
 * validation error stops improving, Section 3.1), and a fine-tune drawn on from its parent's last
 * epoch, so the chain warm start → S = 256 → S = 384 reads left to right.
 */
final class LearningCurves {

    /**
     * The legend's window for "has it stopped improving": one epoch longer than the patience of the
     * paper's plateau rule as we run it (2 epochs without a better validation error, then the rate
     * falls; harness {@code LearningRateSchedule}).
     */
    static final int LAST_EPOCHS = 3;

    /** More arms than this in one panel stop being readable; they go to further panels. */
    static final int MAX_ARMS_PER_PANEL = 6;

    /** What makes runs one arm, its seeds the only difference: the net, scale, paper training scale and start. */
    record ArmKey(String net, String scale, double width, String paperTrainScale, String start) {

        static Optional<ArmKey> of(RunInfo run) {
            return run.key().map(k -> new ArmKey(k.netName(), run.scale(), k.width(), k.paperScaleLabel(), k.start()));
        }
    }

    /** An arm: its runs (one per seed) and, for a fine-tune, the arm it continues. */
    record Arm(ArmKey key, List<RunInfo> runs, Optional<ArmKey> parent) {}

    /**
     * One run's curve on its chain's x axis: epoch numbers shifted by the epochs of its fine-tune
     * ancestors; a fine-tune's first point is its parent's last ({@code firstOwn} 1, else 0).
     */
    record Placed(double[] x, double[] validation, double[] training, int firstOwn) {}

    /** The learning rate fell after the epoch at {@code x} (on the chain's axis), divided by {@code factor}. */
    record RateDrop(double x, double factor) {}

    private LearningCurves() {}

    static List<Figure> figures(RunIndex index) {
        Map<String, List<Arm>> byNet = arms(index);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, List<Arm>> net : byNet.entrySet()) {
            List<Arm> arms = net.getValue();
            boolean severalScales = arms.stream().map(a -> a.key().scale()).distinct().count() > 1;
            List<List<Arm>> groups = panels(arms);
            List<Panel> panels = new ArrayList<>();
            for (List<Arm> group : groups) {
                List<Trace> traces = group.stream().map(a -> trace(a, index, severalScales)).toList();
                String title = groups.size() == 1 ? ""
                        : String.join("; ", group.stream().filter(a -> a.parent().isEmpty())
                                .map(a -> label(a.key(), severalScales)).toList());
                panels.add(new Panel(title, traces, markers(group, index)));
            }
            Plot plot = SmallMultiples.draw(new Layout("Learning curves: " + net.getKey(), "epoch (a fine-tune"
                    + " continues its parent's count)", "top-1 error (%)", "training error (dashed)", 1, 440, false,
                    true, YAxes.SAME_RANGE), panels);
            figures.add(new Figure("learning-curves-" + fileName(net.getKey()), "Configuration " + net.getKey()
                    + ": top-1 error per epoch, mean over seeds; solid: validation, with the seeds' range (min to"
                    + " max) shaded; dashed: training error on the crops trained on. A fine-tune continues from its"
                    + " parent's last epoch. Dotted verticals: the learning rate fell after that epoch (Section"
                    + " 3.1). The legend gives each arm's change of mean validation error over its last " + LAST_EPOCHS
                    + " epochs, in points. A run that diverged before its first epoch ended has no point; its arm's"
                    + " legend counts it.",
                    plot.png(), plot.svg()));
        }
        return figures;
    }

    /**
     * The arms of every net with epochs, nets in Table 1's order (a variant after its net), arms in
     * a fixed order.
     */
    static Map<String, List<Arm>> arms(RunIndex index) {
        Map<ArmKey, List<RunInfo>> runs = new TreeMap<>(Comparator.comparing(ArmKey::net).thenComparing(ArmKey::scale)
                .thenComparing(ArmKey::start).thenComparing(ArmKey::paperTrainScale));
        for (RunInfo run : index.all()) {
            // A run that diverged before finishing an epoch has no point, but its arm's legend counts it.
            if (!run.epochs().isEmpty() || run.status() == RunStatus.DIVERGED) {
                ArmKey.of(run).ifPresent(k -> runs.computeIfAbsent(k, x -> new ArrayList<>()).add(run));
            }
        }
        Map<String, List<Arm>> byNet = new TreeMap<>(Comparator.comparing(LearningCurves::tableOneOrder)
                .thenComparing(Comparator.naturalOrder()));
        runs.forEach((key, seeds) -> byNet.computeIfAbsent(key.net(), n -> new ArrayList<>())
                .add(new Arm(key, List.copyOf(seeds), parentArm(seeds, index))));
        byNet.values().removeIf(arms -> arms.stream().flatMap(a -> a.runs().stream())
                .allMatch(r -> r.epochs().isEmpty()));
        return byNet;
    }

    /** Arms in panels of at most {@link #MAX_ARMS_PER_PANEL}, a fine-tune kept with its parent where it fits. */
    static List<List<Arm>> panels(List<Arm> arms) {
        Map<ArmKey, List<Arm>> families = new LinkedHashMap<>();
        for (Arm arm : arms) {
            families.computeIfAbsent(root(arm, arms), k -> new ArrayList<>()).add(arm);
        }
        // Within a family, the chain's order: the root, then each fine-tune after the arm it continues.
        families.values().forEach(f -> f.sort(Comparator.comparingInt(a -> depth(a, arms))));
        List<List<Arm>> panels = new ArrayList<>();
        List<Arm> current = new ArrayList<>();
        for (List<Arm> family : families.values()) {
            if (!current.isEmpty() && current.size() + family.size() > MAX_ARMS_PER_PANEL) {
                panels.add(current);
                current = new ArrayList<>();
            }
            for (Arm arm : family) {
                if (current.size() == MAX_ARMS_PER_PANEL) {
                    panels.add(current);
                    current = new ArrayList<>();
                }
                current.add(arm);
            }
        }
        if (!current.isEmpty()) {
            panels.add(current);
        }
        return panels;
    }

    /**
     * How many epochs come before this run's first on its chain: for a fine-tune, its parent's
     * epochs plus the parent's own offset; 0 for a run from scratch or a warm start (a warm start
     * copies some of A's layers into a new net, it does not continue A's training).
     */
    static int offset(RunInfo run, RunIndex index) {
        int offset = 0;
        RunInfo current = run;
        // A chain longer than the runs in the folder would be a cycle of parents: stop there.
        for (int hops = 0; hops < index.all().size(); hops++) {
            Optional<RunInfo> parent = fineTuneParent(current, index);
            if (parent.isEmpty()) {
                return offset;
            }
            offset += parent.get().epochs().size();
            current = parent.get();
        }
        return offset;
    }

    /** The run's epochs at their place on the chain; a fine-tune starts from its parent's last point. */
    static Placed place(RunInfo run, RunIndex index) {
        int offset = offset(run, index);
        List<EpochRecord> epochs = new ArrayList<>();
        fineTuneParent(run, index).filter(p -> !p.epochs().isEmpty())
                .map(p -> p.epochs().get(p.epochs().size() - 1))
                .ifPresent(last -> epochs.add(new EpochRecord(0, last.learningRate(), last.trainLoss(),
                        last.trainTop1Error(), last.validationTop1Error(), last.validationTop5Error(), 0, 0)));
        int firstOwn = epochs.size();
        epochs.addAll(run.epochs());
        return new Placed(epochs.stream().mapToDouble(e -> offset + e.epoch()).toArray(),
                values(epochs, EpochRecord::validationTop1Error), values(epochs, EpochRecord::trainTop1Error),
                firstOwn);
    }

    /** Where the learning rate fell between two consecutive epochs of one run, placed after the first of them. */
    static List<RateDrop> rateDrops(List<EpochRecord> epochs, int offset) {
        List<RateDrop> drops = new ArrayList<>();
        for (int i = 1; i < epochs.size(); i++) {
            double before = epochs.get(i - 1).learningRate();
            double after = epochs.get(i).learningRate();
            // The rates are stored as floats: 0.01 reads back as 0.009999999776, so a fall must be real.
            if (after > 0 && before / after > 1 + 1e-6) {
                drops.add(new RateDrop(offset + epochs.get(i - 1).epoch(), before / after));
            }
        }
        return drops;
    }

    /** The seeds' mean at each x, and their min and max; NaN values (a diverged epoch) are left out. */
    static Band aggregate(List<double[]> xs, List<double[]> ys) {
        TreeMap<Double, DoubleSummaryStatistics> at = new TreeMap<>();
        for (int r = 0; r < xs.size(); r++) {
            for (int i = 0; i < xs.get(r).length; i++) {
                double y = ys.get(r)[i];
                if (Double.isFinite(y)) {
                    at.computeIfAbsent(xs.get(r)[i], k -> new DoubleSummaryStatistics()).accept(y);
                }
            }
        }
        double[] x = at.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        return new Band(x, at.values().stream().mapToDouble(DoubleSummaryStatistics::getAverage).toArray(),
                at.values().stream().mapToDouble(DoubleSummaryStatistics::getMin).toArray(),
                at.values().stream().mapToDouble(DoubleSummaryStatistics::getMax).toArray());
    }

    /** An arm's line: the legend names it, its seeds and its last change; validation solid, training dashed. */
    static Trace trace(Arm arm, RunIndex index, boolean severalScales) {
        List<Placed> placed = arm.runs().stream().map(r -> place(r, index)).toList();
        List<double[]> xs = placed.stream().map(Placed::x).toList();
        Band validation = aggregate(xs, placed.stream().map(Placed::validation).toList());
        Band training = aggregate(xs, placed.stream().map(Placed::training).toList());
        // The change is the arm's own: a fine-tune's window never reaches back into its parent's curve.
        Band own = aggregate(placed.stream().map(p -> Arrays.copyOfRange(p.x(), p.firstOwn(), p.x().length)).toList(),
                placed.stream().map(p -> Arrays.copyOfRange(p.validation(), p.firstOwn(), p.x().length)).toList());
        String change = lastChange(own, LAST_EPOCHS)
                .map(d -> String.format(Locale.ROOT, "; %+.1f over the last %d", d, LAST_EPOCHS)).orElse("");
        return new Trace(label(arm.key(), severalScales) + seeds(arm.runs(), change), validation,
                training.x().length == 0 ? Optional.empty() : Optional.of(Band.line(training.x(), training.y())));
    }

    /**
     * How much the mean validation error moved over the last {@code epochs} epochs of a curve, in
     * points; empty where the curve is shorter. What the legend prints so a reader can tell, without
     * measuring pixels, whether a net had stopped improving.
     */
    static Optional<Double> lastChange(Band validation, int epochs) {
        double[] x = validation.x();
        if (x.length == 0) {
            return Optional.empty();
        }
        int last = x.length - 1;
        for (int i = last; i >= 0; i--) {
            if (x[i] == x[last] - epochs) {
                return Optional.of(validation.y()[last] - validation.y()[i]);
            }
        }
        return Optional.empty();
    }

    /** One marker per distinct place the rate fell in this panel's runs. */
    private static List<Marker> markers(List<Arm> arms, RunIndex index) {
        Map<Double, RateDrop> drops = new TreeMap<>();
        for (Arm arm : arms) {
            for (RunInfo run : arm.runs()) {
                rateDrops(run.epochs(), offset(run, index)).forEach(d -> drops.putIfAbsent(d.x(), d));
            }
        }
        return drops.values().stream().map(d -> new Marker(d.x(), "lr ÷" + Formats.plain(Math.round(d.factor()))))
                .toList();
    }

    private static String label(ArmKey key, boolean severalScales) {
        String label = "S " + key.paperTrainScale() + ", " + key.start();
        if (severalScales) {
            label += ", width " + VggSpec.widthLabel(key.width());
        }
        return label;
    }

    /** " (3 seeds)", " (seed 2)", with how many diverged or have not finished, then {@code more}. */
    private static String seeds(List<RunInfo> runs, String more) {
        String seeds = runs.size() == 1
                ? " (seed " + runs.get(0).key().map(k -> Long.toString(k.seed())).orElse("?")
                : " (" + runs.size() + " seeds";
        long diverged = runs.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        long running = runs.stream().filter(r -> r.status() != RunStatus.DIVERGED && r.status() != RunStatus.COMPLETE)
                .count();
        return seeds + (diverged > 0 ? ", " + diverged + " diverged" : "") + (running > 0 ? ", " + running
                + " not finished" : "") + more + ")";
    }

    private static Optional<RunInfo> fineTuneParent(RunInfo run, RunIndex index) {
        return run.key().filter(k -> k.startKind() == RunKey.StartKind.FINE_TUNE)
                .flatMap(RunKey::parentRunId)
                .flatMap(index::byId);
    }

    private static Optional<ArmKey> parentArm(List<RunInfo> seeds, RunIndex index) {
        return seeds.stream().map(r -> fineTuneParent(r, index)).flatMap(Optional::stream).findFirst()
                .flatMap(ArmKey::of);
    }

    /** The first arm of {@code arm}'s fine-tune chain among {@code arms}. */
    private static ArmKey root(Arm arm, List<Arm> arms) {
        return chain(arm, arms).get(0).key();
    }

    /** How many arms of {@code arms} come before {@code arm} on its chain. */
    private static int depth(Arm arm, List<Arm> arms) {
        return chain(arm, arms).size() - 1;
    }

    /** {@code arm}'s ancestors among {@code arms}, the first first, then {@code arm}. */
    private static List<Arm> chain(Arm arm, List<Arm> arms) {
        List<Arm> chain = new ArrayList<>(List.of(arm));
        // A chain longer than the arms would be a cycle of parents: stop there.
        while (chain.size() <= arms.size() && chain.get(0).parent().isPresent()) {
            ArmKey parent = chain.get(0).parent().get();
            Optional<Arm> next = arms.stream().filter(a -> a.key().equals(parent)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            chain.add(0, next.get());
        }
        return chain;
    }

    private static double[] values(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> metric) {
        return epochs.stream().mapToDouble(e -> {
            double v = metric.applyAsDouble(e);
            return Double.isFinite(v) ? v : Double.NaN;
        }).toArray();
    }

    /** Table 1's order for the paper's nets (A, A-LRN, B, C, D, E, B-5×5); a variant ("D-BN") after its net. */
    private static int tableOneOrder(String net) {
        for (VggConfig config : VggConfig.values()) {
            if (net.equals(config.paperName())) {
                return config.ordinal() * 2;
            }
        }
        for (VggConfig config : VggConfig.values()) {
            if (net.startsWith(config.paperName() + "-")) {
                return config.ordinal() * 2 + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    static String fileName(String net) {
        return net.toLowerCase(Locale.ROOT).replace('×', 'x').replaceAll("[^a-z0-9]+", "-");
    }
}
