package io.vggsuite.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers of a results folder per seed: top-1 and top-5 error of every run and evaluation
 * method, the final training loss of every run, and the fusion rows. What {@code ci}'s baselines
 * band and check, and what the plan's power forecast reads the measured per-seed gaps from.
 * Names leave out seeds and hashes, so the same metric of two folders lines up. A run is named by
 * the {@link RunKey} the trainer wrote into its folder ({@link MetricNames#run(RunKey)}); a run
 * without one (still being set up, or from before keys) contributes nothing.
 */
public final class SeedMetrics {

    private SeedMetrics() {}

    /** seed → metric name → value. */
    public static SortedMap<Long, SortedMap<String, Double>> bySeed(ResultsRoot root) {
        SortedMap<Long, SortedMap<String, Double>> seeds = new TreeMap<>();
        Map<String, Long> seedOfRun = new TreeMap<>();
        for (RunFolder run : root.runs()) {
            Optional<RunKey> key = run.key();
            if (run.status() != RunStatus.COMPLETE || key.isEmpty()) {
                continue;
            }
            long seed = key.get().seed();
            seedOfRun.put(run.runId(), seed);
            SortedMap<String, Double> metrics = seeds.computeIfAbsent(seed, s -> new TreeMap<>());
            String label = MetricNames.run(key.get());
            for (FinalRecord row : run.finals()) {
                String evaluation = MetricNames.evaluation(row.method(), row.paperTestScales());
                metrics.put(MetricNames.top1Error(label, evaluation), row.top1Error());
                metrics.put(MetricNames.top5Error(label, evaluation), row.top5Error());
            }
            List<EpochRecord> epochs = run.epochs();
            if (!epochs.isEmpty()) {
                metrics.put(MetricNames.finalTrainLoss(label), epochs.get(epochs.size() - 1).trainLoss());
            }
        }
        for (FusionRecord fusion : root.fusion()) {
            Long seed = seedOfRun.get(fusion.members().get(0));
            if (seed == null) {
                continue;
            }
            String name = MetricNames.fusion(fusion.label());
            String evaluation = MetricNames.evaluation(fusion.method(), fusion.paperTestScales());
            seeds.computeIfAbsent(seed, s -> new TreeMap<>()).put(MetricNames.top1Error(name, evaluation),
                    fusion.top1Error());
            seeds.get(seed).put(MetricNames.top5Error(name, evaluation), fusion.top5Error());
        }
        return seeds;
    }

}
