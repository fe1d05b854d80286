package io.vggsuite.ci;

import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.FusionRecord;
import io.vggsuite.results.MetricNames;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers of a results folder that a change must not move, per seed: top-1 and top-5 error
 * of every run and evaluation method, the final training loss of every run, and the fusion rows.
 * Names leave out seeds and hashes, so the same metric of two folders lines up.
 */
public final class Metrics {

    private Metrics() {}

    /** seed → metric name → value. */
    public static SortedMap<Long, SortedMap<String, Double>> bySeed(ResultsRoot root) {
        SortedMap<Long, SortedMap<String, Double>> seeds = new TreeMap<>();
        Map<String, Long> seedOfRun = new TreeMap<>();
        for (RunFolder run : root.runs()) {
            if (run.status() != RunStatus.COMPLETE || run.provenance().isEmpty()) {
                continue;
            }
            Provenance p = run.provenance().get();
            long seed = p.getLong(ProvenanceKeys.SEED).orElse(0);
            seedOfRun.put(run.runId(), seed);
            SortedMap<String, Double> metrics = seeds.computeIfAbsent(seed, s -> new TreeMap<>());
            String label = label(p);
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

    /** "D S[256;512] fine-tune": configuration, training scale and start, as the paper names rows. */
    static String label(Provenance p) {
        return MetricNames.run(p.require(ProvenanceKeys.CONFIG), p.require(ProvenanceKeys.TRAIN_SCALE_PAPER),
                p.require(ProvenanceKeys.INIT));
    }

    static boolean isLoss(String metric) {
        return MetricNames.isLoss(metric);
    }

}
