package io.vggsuite.report;

import io.vggsuite.model.Layer;
import io.vggsuite.model.VggConfig;
import io.vggsuite.report.paper.PaperRow;
import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.plot.Charts;
import io.vggsuite.report.plot.Charts.Bar;
import io.vggsuite.report.plot.Charts.Series;
import io.vggsuite.report.plot.Plot;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report's plots, from our runs and the paper's numbers. */
final class Figures {

    /** Figure 2's configurations: the depth series of Table 3 without A-LRN and C. */
    private static final List<VggConfig> DEPTH_SERIES = List.of(VggConfig.A, VggConfig.B, VggConfig.D, VggConfig.E);
    private static final String FIXED_SCALE = "256";
    private static final String JITTERED = "[256;512]";

    private Figures() {}

    /** Validation top-1 error per epoch, one chart per configuration, one line per run. */
    static List<Figure> learningCurves(RunIndex index) {
        List<Figure> figures = new ArrayList<>();
        for (VggConfig config : VggConfig.values()) {
            List<Series> series = new ArrayList<>();
            for (RunInfo run : index.all()) {
                if (!run.config().filter(config.paperName()::equals).isPresent() || run.epochs().isEmpty()) {
                    continue;
                }
                List<EpochRecord> epochs = run.epochs();
                double[] x = epochs.stream().mapToDouble(EpochRecord::epoch).toArray();
                double[] y = epochs.stream().mapToDouble(e -> finiteOrNaN(e.validationTop1Error())).toArray();
                String name = run.label() + ": S " + run.paperTrainScale().orElse("?") + ", " + run.init() + ", seed "
                        + run.key().map(k -> Long.toString(k.seed())).orElse("?")
                        + (run.status() == RunStatus.DIVERGED ? " (diverged)" : "");
                series.add(new Series(name, x, y));
            }
            if (!series.isEmpty()) {
                Plot plot = Charts.lines("Learning curves: " + config.paperName(), "epoch",
                        "validation top-1 error (%)", series);
                figures.add(new Figure("learning-curves-" + fileName(config),
                        "Validation top-1 error per epoch, configuration " + config.paperName(), plot.png(), plot.svg()));
            }
        }
        return figures;
    }

    /** Error against depth for A, B, D, E at S = 256: the paper on the left axis, ours on the right. */
    static Figure errorVsDepth(PaperValues paper, RunIndex index) {
        List<PaperRow> table3 = paper.of(PaperValues.TABLE_3);
        double[] depths = DEPTH_SERIES.stream().mapToDouble(Figures::weightLayers).toArray();
        double[] paperErrors = DEPTH_SERIES.stream()
                .mapToDouble(c -> row(table3, c.paperName(), FIXED_SCALE).top1Error().orElseThrow())
                .toArray();
        List<Series> ours = new ArrayList<>();
        for (String scale : index.paperScales()) {
            double[] errors = DEPTH_SERIES.stream()
                    .mapToDouble(c -> mean(index, c.paperName(), FIXED_SCALE, scale, row(table3, c.paperName(), FIXED_SCALE))
                            .orElse(Double.NaN))
                    .toArray();
            if (Arrays.stream(errors).anyMatch(e -> !Double.isNaN(e))) {
                ours.add(new Series("ours: " + scale, depths, errors));
            }
        }
        Plot plot = Charts.twoAxes("Top-1 error against depth (A, B, D, E; S = Q = 256, dense)", "weight layers",
                "paper top-1 error (%), ILSVRC-2012", List.of(new Series("paper: ILSVRC-2012", depths, paperErrors)),
                "our top-1 error (%)", ours);
        return new Figure("error-vs-depth", "Top-1 error against depth: the paper (solid, left axis) and ours"
                + " (dashed, right axis), A 11, B 13, D 16, E 19 weight layers", plot.png(), plot.svg());
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
        return index.protocolRuns(config, trainScale, scale).stream()
                .filter(r -> r.status() != RunStatus.DIVERGED)
                .map(RunIndex.finalAt(row.method(), row.testScales()))
                .flatMap(Optional::stream)
                .mapToDouble(f -> f.top1Error())
                .filter(v -> !Double.isNaN(v))
                .average();
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

    private static double finiteOrNaN(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }

    private static String fileName(VggConfig config) {
        return config.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
