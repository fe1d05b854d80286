package io.vggsuite.report;

import io.vggsuite.model.Layer;
import io.vggsuite.model.VggConfig;
import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.plot.Charts;
import io.vggsuite.report.plot.Charts.Bar;
import io.vggsuite.report.plot.Plot;
import io.vggsuite.report.plot.SmallMultiples;
import io.vggsuite.report.plot.SmallMultiples.Band;
import io.vggsuite.report.plot.SmallMultiples.Layout;
import io.vggsuite.report.plot.SmallMultiples.Panel;
import io.vggsuite.report.plot.SmallMultiples.Trace;
import io.vggsuite.report.plot.SmallMultiples.YAxes;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/** The report's plots of the paper's tables beside ours; the claims and the learning curves have their own classes. */
final class Figures {

    /** Figure 2's configurations: the depth series of Table 3 without A-LRN and C. */
    private static final List<VggConfig> DEPTH_SERIES = List.of(VggConfig.A, VggConfig.B, VggConfig.D, VggConfig.E);
    private static final String FIXED_SCALE = "256";
    private static final String JITTERED = "[256;512]";

    private Figures() {}

    /**
     * Error against depth for A, B, D, E at S = 256 as two panels: the paper's ILSVRC-2012 errors
     * and ours. Not one chart with two y axes, where the lines appear to cross where the numbers do
     * not; not ours alone, where the reader must look up the paper's shape. The levels of two
     * datasets do not compare, the shape does (claims 2 and 3: error falls with depth, then
     * saturates), so both axes span the same number of points and slopes compare directly.
     */
    static Figure errorVsDepth(PaperValues paper, RunIndex index) {
        List<PaperRow> table3 = paper.of(PaperValues.TABLE_3);
        double[] depths = DEPTH_SERIES.stream().mapToDouble(Figures::weightLayers).toArray();
        double[] paperErrors = DEPTH_SERIES.stream()
                .mapToDouble(c -> row(table3, c.paperName(), FIXED_SCALE).top1Error().orElseThrow())
                .toArray();
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("the paper: ILSVRC-2012 (Table 3)",
                List.of(new Trace("paper, S = Q = 256", Band.line(depths, paperErrors), Optional.empty())), List.of()));
        List<Trace> ours = new ArrayList<>();
        for (String scale : index.paperScales()) {
            List<DoubleSummaryStatistics> seeds = DEPTH_SERIES.stream()
                    .map(c -> values(index, c.paperName(), FIXED_SCALE, scale, row(table3, c.paperName(), FIXED_SCALE))
                            .summaryStatistics())
                    .toList();
            if (seeds.stream().anyMatch(s -> s.getCount() > 0)) {
                ours.add(new Trace(scale + seedCount(seeds), new Band(depths,
                        seeds.stream().mapToDouble(s -> s.getCount() == 0 ? Double.NaN : s.getAverage()).toArray(),
                        seeds.stream().mapToDouble(s -> s.getCount() == 0 ? Double.NaN : s.getMin()).toArray(),
                        seeds.stream().mapToDouble(s -> s.getCount() == 0 ? Double.NaN : s.getMax()).toArray()),
                        Optional.empty()));
            }
        }
        if (!ours.isEmpty()) {
            panels.add(new Panel("ours (mean over seeds, min to max shaded)", ours, List.of()));
        }
        Plot plot = SmallMultiples.draw(new Layout("Top-1 error against depth (A, B, D, E; S = Q = 256, dense)",
                "weight layers", "top-1 error (%)", "", 2, 440, true, true, YAxes.SAME_SPAN), panels);
        return new Figure("error-vs-depth", "Top-1 error against depth, A 11, B 13, D 16, E 19 weight layers: the"
                + " paper's ILSVRC-2012 errors (left) and ours (right), each on its own axis, both axes spanning the"
                + " same number of points, so the slopes compare and the levels (different datasets) do not."
                + " Ours: the mean over seeds, the seeds' range (min to max) shaded.", plot.png(), plot.svg());
    }

    /** " (3 seeds)" where every depth has the same number of seeds, else " (1–3 seeds)". */
    private static String seedCount(List<DoubleSummaryStatistics> seeds) {
        long min = seeds.stream().mapToLong(DoubleSummaryStatistics::getCount).filter(n -> n > 0).min().orElse(0);
        long max = seeds.stream().mapToLong(DoubleSummaryStatistics::getCount).max().orElse(0);
        return " (" + (min == max ? Long.toString(max) : min + "–" + max) + (max == 1 ? " seed)" : " seeds)");
    }

    /** Single scale, multi-scale dense, multi-crop and both, for D and E trained with jitter. */
    static Figure evaluationMethods(PaperValues paper, RunIndex index) {
        List<PaperRow> table3 = paper.of(PaperValues.TABLE_3);
        List<PaperRow> table5 = paper.of(PaperValues.TABLE_5);
        List<Bar> bars = new ArrayList<>();
        for (String config : List.of("D", "E")) {
            List<PaperRow> rows = new ArrayList<>();
            rows.add(row(table3, config, JITTERED));
            table5.stream().filter(r -> r.config().equals(config)).forEach(rows::add);
            for (PaperRow r : rows) {
                String category = category(r);
                bars.add(new Bar(config + " paper", category, r.top1Error().orElseThrow()));
                for (String scale : index.paperScales()) {
                    mean(index, config, JITTERED, scale, r)
                            .ifPresent(v -> bars.add(new Bar(config + " ours (" + scale + ")", category, v)));
                }
            }
        }
        Plot plot = Charts.bars("D and E trained with S ∈ [256;512]: evaluation methods", "",
                "top-1 val. error (%)", bars);
        return new Figure("evaluation-methods", "Top-1 error of D and E (jittered training) at a single test scale"
                + " (Table 3), multi-scale dense (Table 4), multi-crop and multi-crop & dense (Table 5);"
                + " missing bars were not run", plot.png(), plot.svg());
    }

    private static String category(PaperRow row) {
        if (row.testScales().size() == 1) {
            return "single scale, dense";
        }
        return "multi-scale, " + EvalMethod.fromId(row.method()).label();
    }

    private static OptionalDouble mean(RunIndex index, String config, String trainScale, String scale, PaperRow row) {
        return values(index, config, trainScale, scale, row).average();
    }

    /** Each protocol run's final top-1 error for {@code row}, diverged runs and missing numbers left out. */
    private static DoubleStream values(RunIndex index, String config, String trainScale, String scale, PaperRow row) {
        return index.protocolRuns(config, trainScale, scale).stream()
                .filter(r -> r.status() != RunStatus.DIVERGED)
                .map(RunIndex.finalAt(row.method(), row.testScales()))
                .flatMap(Optional::stream)
                .mapToDouble(f -> f.top1Error())
                .filter(v -> !Double.isNaN(v));
    }

    private static PaperRow row(List<PaperRow> rows, String config, String trainScale) {
        return rows.stream()
                .filter(r -> r.config().equals(config) && r.trainScale().equals(trainScale))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no paper row " + config + " S " + trainScale));
    }

    /** Table 1's depth: conv layers plus the three FC layers. */
    static int weightLayers(VggConfig config) {
        return (int) config.layers().stream().filter(l -> l instanceof Layer.Conv).count() + VggConfig.FC_LAYERS;
    }
}
