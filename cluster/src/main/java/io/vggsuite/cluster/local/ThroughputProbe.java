package io.vggsuite.cluster.local;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.data.Augmentation;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.model.VggConfig;
import io.vggsuite.train.ComputeThroughput;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether runs side by side train more images per second in all than one run on every core, on
 * this machine, now: each candidate {@link Layout} runs that many probe processes at once, each
 * training a run of the grid fed by its own input pipeline (the real step, the real augmentation)
 * over one window of wall time, and their rates are summed. The layouts alternate over rounds, in
 * reverse order every other round, so that a machine whose speed drifts between minutes (±25% here)
 * slows all alike. A split is chosen only when it beats one run at a time by {@link #MINIMUM_GAIN}.
 */
public final class ThroughputProbe {

    /** What a split must gain over one run at a time to be chosen: less is within the rounds' spread. */
    public static final double MINIMUM_GAIN = 1.05;

    /** The probe's window: steps before it (JVM start, caches), in it, and after it (the others' window). */
    public record Window(Duration warmup, Duration measured, Duration tail) {
        public static final Window DEFAULT = new Window(Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(10));

        List<String> options() {
            return List.of("--warmup-seconds", Long.toString(warmup.toSeconds()),
                    "--measured-seconds", Long.toString(measured.toSeconds()),
                    "--tail-seconds", Long.toString(tail.toSeconds()));
        }
    }

    /** Images per second in all of one layout, every round. */
    public record Measurement(Layout layout, List<Double> rounds) {
        public double mean() {
            return rounds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** The layout chosen, every measurement behind it, and why, in words. */
    public record Choice(Layout chosen, List<Measurement> measurements, String why) {}

    /** Runs one round of one layout: all its processes at once; returns their images per second summed. */
    @FunctionalInterface
    public interface Round {
        double imagesPerSecondInAll(Layout layout) throws IOException, InterruptedException;
    }

    private static final Pattern RESULT = Pattern.compile("^images/s ([0-9.]+)$", Pattern.MULTILINE);

    private ThroughputProbe() {}

    /** Measures {@code candidates} ({@code candidates.get(0)} one run at a time) over {@code rounds}. */
    public static Choice choose(List<Layout> candidates, int rounds, Round round, PrintStream out)
            throws IOException, InterruptedException {
        if (candidates.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("the probe needs a layout and a round, got " + candidates + " and "
                    + rounds);
        }
        List<List<Double>> figures = new ArrayList<>();
        candidates.forEach(c -> figures.add(new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < candidates.size(); k++) {
                int i = r % 2 == 0 ? k : candidates.size() - 1 - k;
                double rate = round.imagesPerSecondInAll(candidates.get(i));
                figures.get(i).add(rate);
                out.printf(Locale.ROOT, "probe round %d/%d: %s %.0f images/s in all%n", r + 1, rounds,
                        candidates.get(i), rate);
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            measurements.add(new Measurement(candidates.get(i), List.copyOf(figures.get(i))));
        }
        Measurement baseline = measurements.get(0);
        Measurement best = measurements.stream().max((a, b) -> Double.compare(a.mean(), b.mean())).orElseThrow();
        double gain = best.mean() / baseline.mean();
        boolean split = best != baseline && gain >= MINIMUM_GAIN;
        String why = String.format(Locale.ROOT, "%s %.0f images/s in all against %s %.0f (%.2f×)%s",
                best.layout(), best.mean(), baseline.layout(), baseline.mean(), gain,
                split ? "" : best == baseline ? "" : String.format(Locale.ROOT, ", under the %.2f× a split must gain",
                        MINIMUM_GAIN));
        return new Choice(split ? best.layout() : baseline.layout(), measurements, why);
    }

    /** The run the probe trains: the grid's first D (most of a grid's time), else its first run. */
    public static RunSpec probeRun(Grid grid) {
        return grid.runs().stream().filter(s -> s.model().config() == VggConfig.D).findFirst()
                .orElse(grid.runs().get(0));
    }

    /** A round that starts {@code layout.processes()} probe JVMs at once through {@code launcher}. */
    public static Round processes(Launcher launcher, Resources resources, Budget budget, Path resultsParent,
            String runId, Window window) {
        return layout -> {
            List<Process> started = new ArrayList<>();
            for (int p = 0; p < layout.processes(); p++) {
                ProcessBuilder builder = new ProcessBuilder(launcher.probeCommand(resources.withCpus(layout.threads()),
                        budget, resultsParent, runId, window.options())).redirectErrorStream(true);
                builder.environment().putAll(launcher.environment());
                builder.environment().putAll(Launcher.pinned(resources.withCpus(layout.threads())));
                started.add(builder.start());
            }
            List<String> outputs = new ArrayList<>();
            for (Process process : started) {
                // Read to the end first, so that no process waits on a full pipe.
                outputs.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            double sum = 0;
            for (int p = 0; p < started.size(); p++) {
                int status = started.get(p).waitFor();
                Matcher m = RESULT.matcher(outputs.get(p));
                if (status != 0 || !m.find()) {
                    throw new IOException("probe process " + (p + 1) + " of " + layout + " (run " + runId
                            + ") exited with " + status + " without a result; its output:\n" + outputs.get(p));
                }
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        };
    }

    /** What a probe process prints, the line {@link #processes} reads. */
    public static String resultLine(double imagesPerSecond) {
        return String.format(Locale.ROOT, "images/s %.1f", imagesPerSecond);
    }

    /** The probe process's measurement: {@code runId} of {@code grid} trained over {@code window}. */
    public static double measure(Grid grid, DataCatalog data, String runId, Window window) {
        RunSpec spec = grid.run(runId);
        DataCatalog.Loaded images = data.load(spec.data());
        Augmentation augmentation = new Augmentation(spec.trainScale(), spec.model().cropSize(), spec.flip(),
                spec.colourShift());
        try (TrainingBatches batches = new TrainingBatches(images.train(), images.preprocessing(), augmentation,
                spec.recipe().batchSize(), spec.seed())) {
            return ComputeThroughput.fedImagesPerSecond(spec.model(), batches, window.warmup(), window.measured(),
                    window.tail());
        }
    }
}
