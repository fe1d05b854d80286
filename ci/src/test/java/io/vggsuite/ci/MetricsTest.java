package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.claims.DeclaredClaims;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.MetricNames;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.SeedMetrics;
import io.vggsuite.results.RunFolder;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** ci names a run's metrics from the key in its folder, with the names its baselines were written in. */
class MetricsTest {

    private static final AblationPlan SMOKE = new AblationPlan(Budget.SMOKE, 10, 3, 1);

    @Test
    void everyRunNamedInTheCommittedSmokeBaselineIsTheNameOfARunKeyOfTheSmokeGrid(TestReporter reporter)
            throws IOException {
        Baseline baseline = Baseline.read(Path.of("baselines"), "smoke");
        Set<String> baselineRuns = baseline.rows().keySet().stream()
                .map(metric -> metric.substring(0, metric.indexOf(" | ")))
                .filter(run -> !run.startsWith(MetricNames.fusion("")))
                .collect(Collectors.toCollection(TreeSet::new));
        // The grid a smoke build trains: the paper's plan and the runs the beyond-paper claims add.
        Set<String> planRuns = DeclaredClaims.runs(SMOKE).stream().map(spec -> MetricNames.run(spec.key()))
                .collect(Collectors.toCollection(TreeSet::new));
        reporter.publishEntry("runs named in ci/baselines/smoke.csv", baselineRuns.toString());
        assertTrue(baselineRuns.size() > 5, baselineRuns.toString());
        assertTrue(planRuns.containsAll(baselineRuns), "named by the baseline but by no key: "
                + baselineRuns.stream().filter(r -> !planRuns.contains(r)).toList());
    }

    @Test
    void aFolderIsNamedAndSeededByItsKeyNotItsProvenanceAndAKeylessFolderCountsForNothing(@TempDir Path dir) {
        ResultsRoot root = ResultsRoot.at(dir);
        RunSpec d = SMOKE.run(VggConfig.D, AblationPlan.JITTERED);
        RunFolder keyed = root.run(d.runId());
        keyed.writeKey(d.key());
        keyed.writeProvenance(Provenance.builder()
                .put(ProvenanceKeys.CONFIG, "E")
                .put(ProvenanceKeys.TRAIN_SCALE_PAPER, "384")
                .put(ProvenanceKeys.INIT, "glorot")
                .put(ProvenanceKeys.SEED, 99)
                .build());
        complete(keyed);
        RunFolder keyless = root.run("E-S384-glorot-s2-0123456789ab");
        complete(keyless);

        SortedMap<Long, SortedMap<String, Double>> metrics = SeedMetrics.bySeed(root);
        assertEquals(Set.of(d.seed()), metrics.keySet());
        String run = "D w1/8 S[256;512] fine-tune";
        assertEquals(List.of(run + " | dense Q256,384,512 | top-1 error", run + " | dense Q256,384,512 | top-5 error",
                        run + " | final train loss"),
                List.copyOf(metrics.get(d.seed()).keySet()));
        assertEquals(25.5, metrics.get(d.seed()).get(run + " | dense Q256,384,512 | top-1 error"));
    }

    private static void complete(RunFolder run) {
        run.writeEpochs(List.of(new EpochRecord(1, 0.01, 1.25, 40, 35, 12, 3, 100)));
        run.writeFinal(List.of(new FinalRecord(EvalMethod.DENSE, List.of(37, 55, 73), List.of(256, 384, 512), 25.5,
                8.25, 100)));
        run.markComplete();
    }
}
