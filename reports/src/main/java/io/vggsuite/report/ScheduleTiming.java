package io.vggsuite.report;

import io.vggsuite.results.Convergence;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How much of the seed-to-seed spread the plateau rule's timing carries. The rule (Section 3.1)
 * lowers the rate once validation error has not improved for {@link Convergence#PLATEAU_PATIENCE}
 * epochs, so validation noise can end a run's main phase early; a run lowered early stops at a
 * higher training loss (issue 34, seed 3: D and E lowered after epochs 11 and 10, against 16–26 for
 * their other seeds). Across seeds of one configuration, the epoch of the first decrease is then set
 * beside the best validation error, both as deviations from the configuration's mean over its seeds,
 * so that differences between nets do not enter.
 *
 * <p>Fine-tunes are left out: they start at a tenth of the rate from a trained parent, so their first
 * decrease is not the one that ends the main phase.
 *
 * @param runs the runs that entered (complete, trained from scratch or warm-started, rate lowered,
 *     in a configuration with two or more such runs)
 * @param configurations the configurations they fall into
 * @param slope points of best validation top-1 error per epoch by which the first decrease came later
 *     (least squares through the deviations); negative where later decreases go with lower error
 * @param spearman Spearman's rank correlation of the two deviations
 * @param pearson Pearson's correlation of the two deviations
 */
record ScheduleTiming(int runs, int configurations, double slope, double spearman, double pearson) {

    /** Fewer deviations than this say nothing worth printing. */
    static final int MIN_RUNS = 6;

    static Optional<ScheduleTiming> of(RunIndex index) {
        Map<List<Object>, List<double[]>> byConfiguration = new LinkedHashMap<>();
        for (RunInfo run : index.all()) {
            if (run.status() != RunStatus.COMPLETE || run.key().isEmpty()
                    || run.key().get().startKind() == RunKey.StartKind.FINE_TUNE) {
                continue;
            }
            OptionalInt lowered = Convergence.lastEpochAtStartingRate(run.epochs());
            double best = run.epochs().stream().mapToDouble(EpochRecord::validationTop1Error)
                    .filter(Double::isFinite).min().orElse(Double.NaN);
            if (lowered.isPresent() && Double.isFinite(best)) {
                byConfiguration.computeIfAbsent(configuration(run.key().get()), k -> new ArrayList<>())
                        .add(new double[] {lowered.getAsInt(), best});
            }
        }
        List<Double> epochDeviation = new ArrayList<>();
        List<Double> errorDeviation = new ArrayList<>();
        int configurations = 0;
        for (List<double[]> seeds : byConfiguration.values()) {
            if (seeds.size() < 2) {
                continue;
            }
            configurations++;
            double meanEpoch = seeds.stream().mapToDouble(s -> s[0]).average().orElseThrow();
            double meanError = seeds.stream().mapToDouble(s -> s[1]).average().orElseThrow();
            for (double[] s : seeds) {
                epochDeviation.add(s[0] - meanEpoch);
                errorDeviation.add(s[1] - meanError);
            }
        }
        double[] x = epochDeviation.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = errorDeviation.stream().mapToDouble(Double::doubleValue).toArray();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        if (x.length < MIN_RUNS || sxx == 0) {
            return Optional.empty();
        }
        // The deviations have mean 0 in each configuration, so the least-squares line passes through 0.
        return Optional.of(new ScheduleTiming(x.length, configurations, sxy / sxx,
                new SpearmansCorrelation().correlation(x, y), new PearsonsCorrelation().correlation(x, y)));
    }

    /** Everything that makes two runs the same experiment but their seed (and the parent it implies). */
    private static List<Object> configuration(RunKey key) {
        return List.of(key.netName(), key.width(), key.crop(), key.paperScale(), key.trainScale(), key.start(),
                key.initialisation(), key.data().dataset(), key.data().trainImages(), key.data().validationImages(),
                key.data().testImages());
    }

    /** The runs table's note. */
    String describe() {
        return String.format(Locale.ROOT, "The plateau rule's timing in the seed-to-seed spread: over %d runs trained"
                        + " from scratch or warm-started, in %d configurations with two seeds or more, a first rate"
                        + " decrease one epoch later went with %+.2f points of best validation top-1 error (deviations"
                        + " from each configuration's mean; Spearman ρ %+.2f, Pearson r %+.2f). The rule lowers the"
                        + " rate after %d epochs without a better validation error, so validation noise can end a run's"
                        + " main phase early, and that lands in the seed variance the claims' tests count. Fine-tunes"
                        + " are left out: they start at a tenth of the rate from a trained parent.",
                runs, configurations, slope, spearman, pearson, Convergence.PLATEAU_PATIENCE);
    }
}
