package io.vggsuite.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bands from measured spread. Cross-machine: mean over seeds ± (K·std + margin), widened to
 * cover the first seed's own value; K = 3 covers a fresh seed with high probability if the
 * metric is roughly normal over seeds, and the margin (half a point of error, 0.02 of loss)
 * keeps a band from collapsing when five seeds happen to agree. Same-machine: the largest
 * difference seen between the first seed and its rerun, plus 1e-9 for printing round-off.
 */
public final class Tolerances {

    public static final double K = 3.0;
    public static final double ERROR_MARGIN = 0.5;
    public static final double LOSS_MARGIN = 0.02;
    public static final double ROUND_OFF = 1e-9;

    private Tolerances() {}

    /**
     * @param bySeed the metrics of N ≥ 2 seeds
     * @param rerunOfFirstSeed the metrics of a second run of the first seed on the same machine
     */
    public static SortedMap<String, Baseline.Row> derive(SortedMap<Long, SortedMap<String, Double>> bySeed,
            Map<String, Double> rerunOfFirstSeed) {
        if (bySeed.size() < 2) {
            throw new IllegalArgumentException("deriving a band needs at least 2 seeds, got " + bySeed.size());
        }
        SortedMap<String, Double> first = bySeed.get(bySeed.firstKey());
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        for (Map.Entry<String, Double> entry : first.entrySet()) {
            String metric = entry.getKey();
            List<Double> values = new ArrayList<>();
            for (SortedMap<String, Double> seed : bySeed.values()) {
                Double v = seed.get(metric);
                if (v == null) {
                    throw new IllegalArgumentException("metric '" + metric + "' is missing for a seed");
                }
                values.add(v);
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double std = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                    / (values.size() - 1));
            double half = K * std + (Metrics.isLoss(metric) ? LOSS_MARGIN : ERROR_MARGIN);
            double value = entry.getValue();
            double low = Math.min(mean - half, value);
            double high = Math.max(mean + half, value);
            Double rerun = rerunOfFirstSeed.get(metric);
            if (rerun == null) {
                throw new IllegalArgumentException("metric '" + metric + "' is missing from the rerun");
            }
            rows.put(metric, new Baseline.Row(value, mean, std, low, high, Math.abs(rerun - value) + ROUND_OFF));
        }
        return rows;
    }

    /**
     * Bands for a budget too long to run twice with the same seed: the same-machine tolerance is
     * round-off alone, which holds only where a run is deterministic, as the smoke budget's
     * rerun measures for the same code path. The baseline's provenance must say so.
     */
    public static SortedMap<String, Baseline.Row> deriveWithoutRerun(SortedMap<Long, SortedMap<String, Double>> bySeed) {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("deriving a band needs at least 2 seeds, got 0");
        }
        return derive(bySeed, bySeed.get(bySeed.firstKey()));
    }
}
