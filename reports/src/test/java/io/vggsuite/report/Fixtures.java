package io.vggsuite.report;

import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.ModelVariant;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.DepartureRecord;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.FusionRecord;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a small but realistic results folder through the results API: CIFAR-10 scale runs for
 * most rows of Tables 3–6, several seeds of D, a diverged protocol run (A-LRN), a run still going
 * (E at S 384), a row never run (C jittered), an initialisation study (A and E), fusion and some
 * claims. The numbers are made up for the tests; the report must render them, not judge them.
 */
final class Fixtures {

    static final String SCALE = "CIFAR-10, crop 32, width 1/4";
    static final List<Integer> SINGLE_256 = List.of(256);
    static final List<Integer> SINGLE_384 = List.of(384);
    static final List<Integer> MULTI_256 = List.of(224, 256, 288);
    static final List<Integer> MULTI_384 = List.of(352, 384, 416);
    static final List<Integer> MULTI_JITTER = List.of(256, 384, 512);

    private Fixtures() {}

    static ResultsRoot write(Path dir) {
        ResultsRoot root = ResultsRoot.at(dir);
        complete(root, "A", "256", "37", "paper-normal", 1, 31.26, 30.0);
        complete(root, "A", "256", "37", "paper-normal", 2, 31.74, 30.5);
        complete(root, "A", "256", "37", "glorot", 1, 31.05, 29.8);
        RunFolder lrn = run(root, "A-LRN", "256", "37", "paper-normal", 1);
        lrn.writeEpochs(curve(3, 60, 85));
        lrn.markDiverged(new Divergence(3, 2.2931));
        complete(root, "B", "256", "37", "warm-start-A", 1, 29.9, 28.0);
        complete(root, "B-5×5", "256", "37", "glorot", 1, 32.5, 31.0);
        complete(root, "C", "256", "37", "warm-start-A", 1, 28.9, 27.6);
        complete(root, "C", "384", "55", "fine-tune", 1, 28.6, 27.2);
        complete(root, "D", "256", "37", "warm-start-A", 1, 27.04, 26.0);
        complete(root, "D", "256", "37", "warm-start-A", 2, 27.56, 26.4);
        complete(root, "D", "256", "37", "warm-start-A", 3, 28.31, 27.1);
        complete(root, "D", "384", "55", "fine-tune", 1, 26.9, 26.1);
        complete(root, "D", "[256;512]", "37-73", "fine-tune", 1, 25.9, 24.9);
        complete(root, "E", "256", "37", "warm-start-A", 1, 27.6, 26.8);
        complete(root, "E", "[256;512]", "37-73", "fine-tune", 1, 25.7, 24.8);
        complete(root, "E", "256", "37", "glorot", 1, 27.9, 27.0);
        RunFolder running = run(root, "E", "384", "55", "fine-tune", 1);
        running.writeEpochs(curve(4, 30, 26));
        RunFolder normal = run(root, "E", "256", "37", "paper-normal", 1);
        normal.writeEpochs(curve(2, 40, 90));
        normal.markDiverged(new Divergence(2, 2.3026));

        root.writeFusion(List.of(
                fusion(EvalMethod.DENSE, 24.6, 7.4),
                fusion(EvalMethod.MULTI_CROP, 24.5, 7.5),
                fusion(EvalMethod.DENSE_AND_MULTI_CROP, 24.2, 7.2)));
        root.writeProtocol(List.of(
                new DepartureRecord("dense evaluation", "\"applied to the whole (uncropped) image\" (Section 3.2)",
                        "windows of 32 starting at 0, 5 at Q = 37 | both axes & the mirror image",
                        "at crop 32 one pass <misses> the borders")));
        root.writeClaims(List.of(
                new ClaimRecord(1, "LRN does not improve A (A ≈ A-LRN).", "Table 3: A 29.6 vs A-LRN 29.7",
                        "equivalence (margin ±1.0)", 0.1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Verdict.INCONCLUSIVE, Optional.empty(), "A 31.5 ± 0.3; A-LRN diverged"),
                new ClaimRecord(2, "Error falls with depth", "Table 3", "superiority", 0.9, 1.62, 0.9, 2.34, 0.0004,
                        1.1, Verdict.REPRODUCED, Optional.empty(), "A 31.5, B 29.9, D 27.6 | monotone"),
                new ClaimRecord(3, "Saturates at 19 layers (E ≈ D).", "Table 3", "equivalence (margin ±1.0)", 0.3,
                        0.0, -0.4, 0.4, 0.012, 0.7, Verdict.REPRODUCED, Optional.empty(), "D 27.6 vs E 27.6; TOST p=0.012"),
                new ClaimRecord(4, "C beats B", "Table 3", "superiority", 0.6, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Verdict.NOT_RUN, Optional.empty(), "not judged in this session"),
                new ClaimRecord(6, "B beats B-5×5", "Section 4.1", "superiority", Double.NaN, 2.6, 0.5, 4.7, 0.09,
                        3.4, Verdict.INCONCLUSIVE, Optional.empty(), "centre crop: B 30.2, B-5×5 32.8"),
                new ClaimRecord(9, "Multi-crop slightly better than dense", "Table 5", "superiority", 0.2, -0.2, -0.3,
                        -0.1, 1.0, 0.1, Verdict.CONTRADICTED, Optional.empty(), "D: 25.0 vs 25.2 <dense>"),
                new ClaimRecord(13, "C at S = 384 beats C at S = 256.", "Table 3: 28.1 vs 28.1", "superiority", 0.0,
                        0.3, -1.2, 1.8, 0.74, 2.9, Verdict.INCONCLUSIVE, Optional.empty(), "C 384 vs C 256"),
                new ClaimRecord(ClaimRecord.FIRST_BEYOND_THE_PAPER, "Batch normalisation lowers D's error.",
                        "Beyond the paper (Ioffe & Szegedy, 2015).", "superiority", Double.NaN, 3.1, 1.2, 5.0, 0.004,
                        1.9, Verdict.REPRODUCED, Optional.empty(), "D-BN 24.5 vs D 27.6"),
                new ClaimRecord(ClaimRecord.FIRST_BEYOND_THE_PAPER + 1, "Twice the width lowers D's error.",
                        "Beyond the paper.", "superiority", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Verdict.NOT_RUN, Optional.empty(), "not judged in this session")));
        root.writeArms(List.of(
                new ArmRecord(ClaimRecord.FIRST_BEYOND_THE_PAPER, "D-BN from Glorot", List.of("D-BN-S256-glorot-s1-x"),
                        24.5, 7.9),
                new ArmRecord(ClaimRecord.FIRST_BEYOND_THE_PAPER, "D from Glorot", List.of(id("D", "256", "glorot", 1)),
                        27.6, 9.1)));
        return root;
    }

    private static FusionRecord fusion(EvalMethod method, double top1, double top5) {
        return new FusionRecord(List.of(id("D", "[256;512]", "fine-tune", 1), id("E", "[256;512]", "fine-tune", 1)),
                "D/[256;512] & E/[256;512]",
                new FinalRecord(method, List.of(37, 55, 73), MULTI_JITTER, top1, top5, 10000));
    }

    /** A finished run: dense at one and three scales, multi-crop, both, and a centre crop. */
    static RunFolder complete(ResultsRoot root, String config, String paperScale, String scale, String init, int seed,
            double singleTop1, double multiTop1) {
        RunFolder run = run(root, config, paperScale, scale, init, seed);
        run.writeEpochs(curve(6, 40, singleTop1));
        List<Integer> single = paperScale.equals("256") ? SINGLE_256 : SINGLE_384;
        List<Integer> multi = paperScale.equals("256") ? MULTI_256 : paperScale.equals("384") ? MULTI_384 : MULTI_JITTER;
        List<FinalRecord> finals = new ArrayList<>(List.of(
                new FinalRecord(EvalMethod.CENTRE_CROP, List.of(32), List.of(224), singleTop1 + 1.1, singleTop1 / 3 + 0.5,
                        10000),
                new FinalRecord(EvalMethod.DENSE, ours(single), single, singleTop1, singleTop1 / 3, 10000),
                new FinalRecord(EvalMethod.DENSE, ours(multi), multi, multiTop1, multiTop1 / 3, 10000)));
        if (paperScale.startsWith("[")) {
            finals.add(new FinalRecord(EvalMethod.MULTI_CROP, ours(multi), multi, multiTop1 - 0.2, multiTop1 / 3, 10000));
            finals.add(new FinalRecord(EvalMethod.DENSE_AND_MULTI_CROP, ours(multi), multi, multiTop1 - 0.5,
                    Double.NaN, 10000));
        }
        run.writeFinal(finals);
        run.markComplete();
        return run;
    }

    /** Every fixture run's training wall time (12.6 min). */
    static final double WALL_SECONDS = 754.5;

    static RunFolder run(ResultsRoot root, String config, String paperScale, String scale, String init, int seed) {
        RunFolder run = root.run(id(config, paperScale, init, seed));
        run.writeKey(key(run.runId(), config, paperScale, scale, init, seed));
        run.writeProvenance(Provenance.builder()
                .put(ProvenanceKeys.CONFIG, config)
                .put(ProvenanceKeys.TRAIN_SCALE_PAPER, paperScale)
                .put(ProvenanceKeys.TRAIN_SCALE, scale)
                .put(ProvenanceKeys.INIT, init)
                .put(ProvenanceKeys.SEED, seed)
                .put(ProvenanceKeys.DATASET, "CIFAR-10")
                .put(ProvenanceKeys.CROP, 32)
                .put(ProvenanceKeys.WIDTH, 0.25)
                .put(ProvenanceKeys.BUDGET, "ablation")
                .put(ProvenanceKeys.GIT_COMMIT, "0123456789abcdef0123456789abcdef01234567")
                .put(ProvenanceKeys.GIT_DIRTY, false)
                .put(ProvenanceKeys.DEVICE, "gpu: NVIDIA H200")
                .put(ProvenanceKeys.DJL_VERSION, "0.36.0")
                .put(ProvenanceKeys.PYTORCH_VERSION, "2.7.1")
                .put(ProvenanceKeys.WALL_SECONDS, WALL_SECONDS)
                .put(ProvenanceKeys.PEAK_RSS_MIB, 1442)
                .put(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION, 1384)
                .build());
        return run;
    }

    /** The key the trainer would write: what the report selects runs by. */
    static RunKey key(String runId, String config, String paperScale, String scale, String init, int seed) {
        RunKey.StartKind kind = switch (init) {
            case "warm-start-A" -> RunKey.StartKind.WARM_START_A;
            case "fine-tune" -> RunKey.StartKind.FINE_TUNE;
            default -> RunKey.StartKind.SCRATCH;
        };
        Optional<Initialisation> initialisation = switch (init) {
            case "paper-normal" -> Optional.of(Initialisation.PAPER_NORMAL);
            case "fine-tune" -> Optional.empty();
            default -> Optional.of(Initialisation.GLOROT);
        };
        Optional<String> parent = switch (kind) {
            case SCRATCH -> Optional.empty();
            case WARM_START_A -> Optional.of(id("A", "256", "paper-normal", seed));
            case FINE_TUNE -> Optional.of(id(config, "256", "warm-start-A", seed));
        };
        return new RunKey(runId, VggConfig.fromName(config), 0.25, 32, scale(paperScale), scale(scale), kind, init,
                initialisation, parent, seed, new RunKey.Data("cifar10", 0, 1000, 0, 3), ModelVariant.PAPER);
    }

    /** "256", "[256;512]" or "37-73" as a scale. */
    private static TrainScale scale(String label) {
        String[] bounds = label.replace("[", "").replace("]", "").split("[;-]");
        return bounds.length == 1 ? TrainScale.fixed(Integer.parseInt(bounds[0]))
                : TrainScale.jittered(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
    }

    static String id(String config, String paperScale, String init, int seed) {
        String scale = paperScale.replace("[", "S").replace("]", "").replace(";", "-");
        scale = scale.startsWith("S") ? scale : "S" + scale;
        return config.replace("×", "x") + "-" + scale + "-" + init + "-s" + seed;
    }

    /** A falling validation curve that ends near {@code end}. */
    private static List<EpochRecord> curve(int epochs, double start, double end) {
        List<EpochRecord> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double error = end + (start - end) * Math.exp(-(e - 1) / 1.5);
            rows.add(new EpochRecord(e, 0.01, 2.3 * error / 90, error - 3, error, error / 3, 12.0, 2100.0));
        }
        return rows;
    }

    private static List<Integer> ours(List<Integer> paperScales) {
        return paperScales.stream().map(s -> (int) Math.round(s * 32.0 / 224)).toList();
    }
}
