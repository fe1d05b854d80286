package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check that failed shows the baseline's machine and this run's side by side, marking what differs. */
class MachineComparisonTest {

    private static final Map<String, String> EPYC = Map.ofEntries(
            Map.entry(ProvenanceKeys.DEVICE, "cpu: AMD EPYC"),
            Map.entry(ProvenanceKeys.CPU_VENDOR, "AuthenticAMD"),
            Map.entry(ProvenanceKeys.CPU_MODEL, "AMD EPYC"),
            Map.entry(ProvenanceKeys.CPU_FAMILY, "26"),
            Map.entry(ProvenanceKeys.CPU_MODEL_NUMBER, "2"),
            Map.entry(ProvenanceKeys.CPU_STEPPING, "1"),
            Map.entry(ProvenanceKeys.CPU_VECTOR_EXTENSIONS, "sse4_1 sse4_2 avx avx2 fma f16c avx512f"),
            Map.entry(ProvenanceKeys.CPU_CACHE_L2, "1024K"),
            Map.entry(ProvenanceKeys.CPU_CACHE_L3, "32768K"),
            Map.entry(ProvenanceKeys.ONEDNN_MAX_CPU_ISA, "AVX2"),
            Map.entry(ProvenanceKeys.THREADS_INTRA_OP, "2"),
            Map.entry(ProvenanceKeys.THREADS_INTER_OP, "2"),
            Map.entry(ProvenanceKeys.PYTORCH_VERSION, "2.7.1"),
            Map.entry(ProvenanceKeys.DJL_VERSION, "0.36.0"));

    private static Properties baselineOn(Map<String, String> facts) {
        Properties properties = new Properties();
        facts.forEach(properties::setProperty);
        return properties;
    }

    private static Provenance runOn(Map<String, String> facts) {
        Provenance.Builder builder = Provenance.builder();
        facts.forEach(builder::put);
        return builder.build();
    }

    private static Map<String, String> xeon() {
        Map<String, String> facts = new HashMap<>(EPYC);
        facts.put(ProvenanceKeys.DEVICE, "cpu: Intel(R) Xeon(R) Platinum 8488C");
        facts.put(ProvenanceKeys.CPU_VENDOR, "GenuineIntel");
        facts.put(ProvenanceKeys.CPU_MODEL, "Intel(R) Xeon(R) Platinum 8488C");
        facts.put(ProvenanceKeys.CPU_FAMILY, "6");
        facts.put(ProvenanceKeys.CPU_MODEL_NUMBER, "143");
        facts.put(ProvenanceKeys.CPU_STEPPING, "8");
        facts.put(ProvenanceKeys.CPU_CACHE_L3, ProvenanceKeys.UNKNOWN);
        return facts;
    }

    @Test
    void everyMachineFactIsALineOfBothSidesAndThoseThatDifferAreMarkedAndNamedLast() {
        MachineComparison comparison = MachineComparison.of(baselineOn(EPYC), Optional.of(runOn(xeon())));
        assertEquals(ProvenanceKeys.MACHINE, comparison.facts().stream().map(MachineComparison.Fact::key).toList());
        List<String> lines = comparison.table().lines().toList();
        assertTrue(lines.get(0).matches("machine fact +\\| baseline +\\| this run"), lines.get(0));
        String model = lines.stream().filter(l -> l.startsWith(ProvenanceKeys.CPU_MODEL + " ")).findFirst()
                .orElseThrow();
        assertTrue(model.matches("cpu\\.model +\\| AMD EPYC +\\| Intel\\(R\\) Xeon\\(R\\) Platinum 8488C +<- differs"),
                model);
        String isa = lines.stream().filter(l -> l.startsWith(ProvenanceKeys.ONEDNN_MAX_CPU_ISA + " ")).findFirst()
                .orElseThrow();
        assertTrue(isa.matches("onednn\\.max\\.cpu\\.isa +\\| AVX2 +\\| AVX2"), isa);
        assertEquals("machine facts that differ: device, cpu.vendor, cpu.model, cpu.family, cpu.model.number, "
                + "cpu.stepping", lines.get(lines.size() - 1), "an unknown L3 size differs from nothing");
        assertEquals(2 + ProvenanceKeys.MACHINE.size(), lines.size());
        assertEquals(lines.get(0).indexOf('|'), model.indexOf('|'), "the columns line up");
    }

    @Test
    void aFactTheOlderBaselineDidNotRecordIsShownAsSuchAndNotMarked() {
        Properties older = baselineOn(Map.of(ProvenanceKeys.DEVICE, "cpu: AMD EPYC",
                ProvenanceKeys.PYTORCH_VERSION, "2.7.1", ProvenanceKeys.DJL_VERSION, "0.36.0"));
        MachineComparison comparison = MachineComparison.of(older, Optional.of(runOn(EPYC)));
        MachineComparison.Fact isa = comparison.facts().stream()
                .filter(f -> f.key().equals(ProvenanceKeys.ONEDNN_MAX_CPU_ISA)).findFirst().orElseThrow();
        assertEquals(new MachineComparison.Fact(ProvenanceKeys.ONEDNN_MAX_CPU_ISA, "not recorded", "AVX2"), isa);
        assertFalse(isa.differs());
        assertTrue(comparison.differing().isEmpty(), comparison::table);
        assertTrue(comparison.table().endsWith("no recorded machine fact differs" + System.lineSeparator()),
                comparison::table);
        assertTrue(MachineComparison.of(older, Optional.empty()).facts().stream()
                .allMatch(f -> f.run().equals("not recorded")));
    }

    @Test
    void aFailedCheckEndsItsTableAndItsMessageWithTheMachineFactsAndAPassedOneLeavesThemOut() {
        SortedMap<Long, SortedMap<String, Double>> bySeed = new TreeMap<>();
        bySeed.put(1L, new TreeMap<>(Map.of("A S256 glorot | final train loss", 1.50)));
        bySeed.put(2L, new TreeMap<>(Map.of("A S256 glorot | final train loss", 1.52)));
        Baseline baseline = new Baseline(Tolerances.deriveWithoutRerun(bySeed), baselineOn(EPYC));
        MachineComparison machines = MachineComparison.of(baseline.provenance(), Optional.of(runOn(xeon())));
        RegressionCheck.Outcome failed = RegressionCheck.compare(baseline,
                Map.of("A S256 glorot | final train loss", 99.0), Baseline.Band.CROSS_MACHINE);
        assertFalse(failed.passed(), failed::table);
        assertTrue(failed.table(machines).startsWith(failed.table()), failed.table(machines));
        assertTrue(failed.table(machines).endsWith(machines.table()), failed.table(machines));
        String message = failed.failureMessage(machines);
        assertTrue(message.contains("A S256 glorot | final train loss: measured 99.0000"), message);
        assertTrue(message.endsWith(machines.table()), message);

        RegressionCheck.Outcome passed = RegressionCheck.compare(baseline,
                Map.of("A S256 glorot | final train loss", 1.50), Baseline.Band.CROSS_MACHINE);
        assertEquals(passed.table(), passed.table(machines));
    }

    @Test
    void thisRunsSideIsTheFirstRunOfTheResultsFolderWhichABaselineWrittenFromItRecords(@TempDir Path dir)
            throws IOException {
        Path results = dir.resolve("results");
        AblationPlan smoke = new AblationPlan(Budget.SMOKE, 10, 3, 1);
        for (VggConfig config : List.of(VggConfig.A, VggConfig.B)) {
            RunSpec spec = smoke.run(config, AblationPlan.JITTERED);
            RunFolder run = ResultsRoot.at(results).run(spec.runId());
            run.writeKey(spec.key());
            run.writeProvenance(runOn(config == VggConfig.A ? xeon() : EPYC).toBuilder()
                    .put(ProvenanceKeys.SEED, spec.seed()).build());
            run.writeEpochs(List.of(new EpochRecord(1, 0.01, 1.25, 40, 35, 12, 3, 100)));
            run.writeFinal(List.of(new FinalRecord(EvalMethod.DENSE, List.of(37, 55, 73), List.of(256, 384, 512),
                    25.5, 8.25, 100)));
            run.markComplete();
        }
        Path baselines = dir.resolve("baselines");
        new Baseline(new TreeMap<>(), baselineOn(EPYC)).write(baselines, "smoke");

        Baseline before = Baseline.read(baselines, "smoke");
        assertEquals("Intel(R) Xeon(R) Platinum 8488C", MachineComparison.of(before, results).facts().stream()
                .filter(f -> f.key().equals(ProvenanceKeys.CPU_MODEL)).findFirst().orElseThrow().run());

        BaselineMain.update(baselines, "smoke", results, "values from the Xeon");
        Properties written = Baseline.read(baselines, "smoke").provenance();
        for (String key : ProvenanceKeys.MACHINE) {
            assertEquals(xeon().get(key), written.getProperty(key), key);
        }
    }
}
