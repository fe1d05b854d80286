package io.vggsuite.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.vggsuite.ablation.Budget;
import io.vggsuite.model.Flops;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.Devices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Step 7's performance table in one run: the suite's training throughput end to end and compute
 * only, the same for a PyTorch + torchvision peer, evaluation throughput, FLOP rates against a
 * measured matrix-product ceiling, and the peak resident memory of a quick-budget cell, with the
 * ratios the targets name computed pair by pair from this run's own figures. Run from the project
 * root:
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am process-classes -Dperformance -Dvgg.data.dir=../shared/datasets
 * </pre>
 *
 * ({@code -Dbenchmark.iterations=smoke} checks the chain in a couple of minutes; its figures mean
 * nothing.) The profile runs this main in a JVM of its own ({@code exec:exec}), so that it can
 * start more: one {@link SuiteCell} per configuration, whose peak resident memory is that of a
 * quick-budget cell alone. The peer is {@code benchmarks/peer/vgg_peer.py}, run by Debian's
 * {@code /usr/bin/python3} after {@code benchmarks/peer/setup.sh} installs its packages.
 */
public final class PerformanceBenchmark {

    /** The configurations of the table: the shallowest and the one the FLOP target names. */
    private static final List<VggConfig> CONFIGS = List.of(VggConfig.A, VggConfig.D);
    /**
     * Heap of each cell: what Failsafe's {@code surefire.argLine} was when the table in docs/benchmarks.md was
     * measured; the build's test JVMs now run with less (docs/memory.md), so the table's peaks
     * are from before that change.
     */
    private static final String CELL_HEAP = "-Xmx6g";
    /** Side of the square float32 matrices of the ceiling: big enough for BLAS to reach its peak. */
    /** Debian's interpreter: the one its python3-torch is installed for (a pyenv shim may shadow it on PATH). */
    private static final String PYTHON = "/usr/bin/python3";

    /** {@code -Dbenchmark.jfr=DIR}: record each cell with Java Flight Recorder into DIR/cell-X.jfr. */
    private static final String JFR_PROPERTY = "benchmark.jfr";

    private static final double TARGET_PEER = 1.6;
    private static final double TARGET_PIPELINE = 0.95;
    private static final double TARGET_CEILING = 0.65;
    private static final double TARGET_RSS_GIB = 4.0;

    private PerformanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkSize size = BenchmarkSize.fromProperty();
        Path root = Path.of(System.getProperty("vgg.root", "")).toAbsolutePath();
        System.out.printf(Locale.ROOT, "performance benchmark, size %s%s%n", size.name(),
                size == BenchmarkSize.FULL ? "" : " (a check of the chain: these figures are NOT a measurement)");
        String machine = machine();
        System.out.println("machine: " + machine);

        double ceiling = MatmulCeiling.gflops(size.ceilingProducts());
        System.out.printf(Locale.ROOT, "matrix-product ceiling: %.1f GFLOP/s%n", ceiling);

        Map<VggConfig, Map<String, String>> cells = new LinkedHashMap<>();
        for (VggConfig config : CONFIGS) {
            cells.put(config, runCell(config, size));
        }
        Map<String, String> peer = runPeer(root, size, cells.get(CONFIGS.get(0)).get(CellKey.THREADS.key()));

        System.out.println();
        System.out.print(table(size, machine, ceiling, cells, peer));
    }

    // ---- the measurements ----------------------------------------------------------------------

    /** Runs a {@link SuiteCell} in a fresh JVM on the same class path; its {@code cell.} lines as a map. */
    private static Map<String, String> runCell(VggConfig config, BenchmarkSize size) throws IOException,
            InterruptedException {
        Path results = Files.createTempDirectory("vgg-bench-" + config.name() + "-");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    CELL_HEAP,
                    "-Dai.djl.offline=true",
                    "-cp", System.getProperty("java.class.path")));
            passThrough(command, "vgg.data.dir");
            String jfr = System.getProperty(JFR_PROPERTY, "");
            if (!jfr.isBlank()) {
                Path recording = Path.of(jfr).toAbsolutePath().resolve("cell-" + config.name() + ".jfr");
                Files.createDirectories(recording.getParent());
                command.add(1, "-XX:StartFlightRecording=settings=profile,filename=" + recording);
            }
            command.addAll(List.of(SuiteCell.class.getName(), config.name(), size.name(), results.toString()));
            System.out.println("suite cell " + config.name() + ": training and evaluating in a child JVM ("
                    + CELL_HEAP + ")");
            return run(command, CellKey.PREFIX, "  [" + config.name() + "] ");
        } finally {
            deleteRecursively(results);
        }
    }

    /** Installs the peer's packages if missing, then runs the peer; its {@code peer.} lines as a map. */
    private static Map<String, String> runPeer(Path root, BenchmarkSize size, String threads) throws IOException,
            InterruptedException {
        Path peerDir = root.resolve("benchmarks").resolve("peer");
        System.out.println("peer: setup");
        run(List.of("bash", peerDir.resolve("setup.sh").toString()), "peer.", "  [setup] ");
        Path archive = cifarArchive();
        List<String> command = List.of(PYTHON, peerDir.resolve("vgg_peer.py").toString(),
                "--archive", archive.toString(),
                "--configs", String.join(",", CONFIGS.stream().map(VggConfig::name).toList()),
                "--width", Double.toString(Budget.QUICK.width()),
                "--crop", Integer.toString(Budget.QUICK.crop()),
                "--batch", Integer.toString(Budget.QUICK.batchSize()),
                "--train-images", Integer.toString(size.peerImages()),
                "--warmup", Integer.toString(size.computeWarmup()),
                "--steps", Integer.toString(size.computeSteps()),
                "--threads", threads);
        System.out.println("peer: " + String.join(" ", command));
        return run(command, "peer.", "  [peer] ");
    }

    /** The JPEG archive the suite itself reads, found by the same lookup ({@code vgg.data.dir} first). */
    private static Path cifarArchive() throws IOException {
        for (Path folder : io.vggsuite.data.DataLocator.fromEnvironment().folders()) {
            Path archive = folder.resolve("cifar10").resolve("cifar10-jpg.tar.gz");
            if (Files.isRegularFile(archive)) {
                return archive;
            }
        }
        throw new IOException("no cifar10/cifar10-jpg.tar.gz under " + io.vggsuite.data.DataLocator.fromEnvironment()
                .folders() + "; pass -Dvgg.data.dir=<folder holding cifar10/>");
    }

    /**
     * Runs {@code command}, echoing its output with {@code echoPrefix}; the lines starting with
     * {@code keyPrefix} become the map (key without the prefix). Fails if the command fails.
     */
    private static Map<String, String> run(List<String> command, String keyPrefix, String echoPrefix)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(echoPrefix + line);
                int equals = line.indexOf('=');
                if (line.startsWith(keyPrefix) && equals > 0) {
                    values.put(line.substring(keyPrefix.length(), equals), line.substring(equals + 1));
                }
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + "… exited with status " + status);
        }
        return values;
    }

    // ---- the table -----------------------------------------------------------------------------

    /** The Markdown table of docs/benchmarks.md's Performance section, with the targets judged. */
    static String table(BenchmarkSize size, String machine, double ceiling, Map<VggConfig, Map<String, String>> cells,
            Map<String, String> peer) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Performance (size %s) on %s%n", size.name(), machine));
        t.append(String.format(Locale.ROOT, "Suite: DJL %s, PyTorch %s, %s intra-op threads. Peer: torch %s, "
                        + "torchvision %s, %s intra-op threads, DataLoader 2 workers, BLAS %s.%n",
                Engine.getDjlVersion(), Engine.getInstance().getVersion(), JniUtils.getNumThreads(),
                peer.get("torch"), peer.get("torchvision"), peer.get("threads"), peer.get("blas")));
        t.append(String.format(Locale.ROOT, "Quick budget: width %s, crop %d, batch %d, S %s, %s training images.%n%n",
                Budget.QUICK.width(), Budget.QUICK.crop(), Budget.QUICK.batchSize(), peer.get("scale"),
                cells.get(CONFIGS.get(0)).get(CellKey.TRAIN_IMAGES.key())));
        t.append("| Measure | ");
        CONFIGS.forEach(c -> t.append("VGG-").append(c.name()).append(" | "));
        t.append("Target |\n|---|");
        CONFIGS.forEach(c -> t.append("---:|"));
        t.append("---|\n");

        Function<VggConfig, Double> suiteE2e = c -> number(cells.get(c), CellKey.END_TO_END);
        Function<VggConfig, Double> suiteCompute = c -> number(cells.get(c), CellKey.COMPUTE);
        Function<VggConfig, Double> peerE2e = c -> number(peer, c.name() + ".end_to_end");
        Function<VggConfig, Double> peerCompute = c -> number(peer, c.name() + ".compute");
        Function<VggConfig, Long> flops = c -> Flops.trainingFlops(spec(c));

        row(t, "Suite training, end to end (img/s)", c -> fmt0(suiteE2e.apply(c)), c -> "");
        row(t, "Suite training, compute only (img/s)", c -> fmt0(suiteCompute.apply(c)), c -> "");
        row(t, "Peer training, end to end (img/s)", c -> fmt0(peerE2e.apply(c)), c -> "");
        row(t, "Peer training, compute only (img/s)", c -> fmt0(peerCompute.apply(c)), c -> "");
        row(t, "Suite / peer, end to end", c -> judged(suiteE2e.apply(c) / peerE2e.apply(c), TARGET_PEER, "×"),
                c -> "≥ " + TARGET_PEER + "×");
        row(t, "Suite / peer, compute only", c -> fmt2(suiteCompute.apply(c) / peerCompute.apply(c)) + "×", c -> "");
        row(t, "Suite end to end / compute only, measured minutes apart",
                c -> fmt2(suiteE2e.apply(c) / suiteCompute.apply(c)), c -> "");
        row(t, "Suite fed live / pre-made, paired blocks (img/s)", c -> fmt0(number(cells.get(c), CellKey.PAIRED_FED))
                + " / " + fmt0(number(cells.get(c), CellKey.PAIRED_PREMADE)), c -> "");
        row(t, "Suite fed live / pre-made, paired blocks", c -> judged(number(cells.get(c), CellKey.PAIRED_FED)
                / number(cells.get(c), CellKey.PAIRED_PREMADE), TARGET_PIPELINE, ""), c -> "≥ " + TARGET_PIPELINE);
        row(t, "Peer end to end / compute only", c -> fmt2(peerE2e.apply(c) / peerCompute.apply(c)), c -> "");
        row(t, "Forward MACs per image", c -> String.format(Locale.ROOT, "%.1f M", Flops.forwardMacs(spec(c)) / 1e6),
                c -> "");
        row(t, "Training FLOPs per image (6 × MACs)", c -> String.format(Locale.ROOT, "%.1f M", flops.apply(c) / 1e6),
                c -> "");
        Function<VggConfig, Double> cellCeiling = c -> number(cells.get(c), CellKey.CEILING);
        row(t, "Matrix-product ceiling measured in the cell, just before compute only (GFLOP/s)",
                c -> fmt1(cellCeiling.apply(c)), c -> "");
        row(t, "Suite GFLOP/s, compute only (share of the cell's ceiling)",
                c -> gflops(flops.apply(c), suiteCompute.apply(c), cellCeiling.apply(c), c == VggConfig.D),
                c -> c == VggConfig.D ? "D ≥ " + Math.round(TARGET_CEILING * 100) + "%" : "");
        row(t, "Suite GFLOP/s, end to end (share of the first ceiling)",
                c -> gflops(flops.apply(c), suiteE2e.apply(c), ceiling, false), c -> "");
        row(t, "Peer GFLOP/s, end to end (share of ceiling)",
                c -> gflops(flops.apply(c), peerE2e.apply(c), ceiling, false), c -> "");
        String q = cells.get(CONFIGS.get(0)).get(CellKey.EVAL_Q.key());
        String n = cells.get(CONFIGS.get(0)).get(CellKey.EVAL_IMAGES.key());
        row(t, "Evaluation, centre crop, Q " + q + " (test img/s)", c -> fmt0(number(cells.get(c), CellKey.EVAL_CENTRE)),
                c -> "");
        row(t, "Evaluation, dense + flip, Q " + q + ", " + cells.get(CONFIGS.get(0)).get(CellKey.EVAL_DENSE_PER_PASS.key())
                + " images per pass (test img/s)", c -> fmt0(number(cells.get(c), CellKey.EVAL_DENSE)),
                c -> "");
        row(t, "Evaluation, dense windows alone + flip, Q " + q + " (test img/s; the CIFAR budgets' form)",
                c -> fmt0(number(cells.get(c), CellKey.EVAL_DENSE_WINDOWS)), c -> "");
        row(t, "Evaluation, multi-crop 50 views, Q " + q + " (test img/s)",
                c -> fmt0(number(cells.get(c), CellKey.EVAL_MULTI_CROP)), c -> "");
        row(t, "Peak resident memory of the cell's JVM (VmHWM)", c -> {
            double gib = number(cells.get(c), CellKey.VM_HWM_KIB) / (1024.0 * 1024.0);
            return String.format(Locale.ROOT, "%.2f GiB %s", gib, gib <= TARGET_RSS_GIB ? "✓" : "✗");
        }, c -> "≤ " + TARGET_RSS_GIB + " GiB");
        row(t, "Profiled step: wall / inside PyTorch operators (ms)",
                c -> fmt1(number(cells.get(c), CellKey.PROFILE_WALL_MS)) + " / "
                        + fmt1(number(cells.get(c), CellKey.PROFILE_OPERATOR_MS)), c -> "");
        row(t, "Profiled step: convolutions forward, ms (GFLOP/s, share of ceiling)",
                c -> convolutions(c, cells.get(c), CellKey.PROFILE_CONV_FORWARD_MS, 2, cellCeiling.apply(c)), c -> "");
        row(t, "Profiled step: convolutions backward, ms (GFLOP/s, share of ceiling)",
                c -> convolutions(c, cells.get(c), CellKey.PROFILE_CONV_BACKWARD_MS, 4, cellCeiling.apply(c)), c -> "");
        row(t, "Profiled step: largest other operators (ms)", c -> String.join(", ",
                List.of(0, 1, 2).stream().map(i -> cells.get(c).get(CellKey.PROFILE_OTHER.key(i)))
                        .filter(java.util.Objects::nonNull).map(PerformanceBenchmark::operator).toList()), c -> "");
        row(t, "Profiled step: outside operators, Java and DJL (ms)", c -> fmt1(number(cells.get(c), CellKey.PROFILE_WALL_MS)
                - number(cells.get(c), CellKey.PROFILE_OPERATOR_MS)), c -> "");
        t.append(String.format(Locale.ROOT, "%nMatrix-product ceiling: %.1f GFLOP/s (%d×%d float32 through DJL, best of %d"
                        + " rounds of %d), measured first and again in each cell just before its compute-only"
                        + " steps; the FLOP-rate target is judged on compute only against the cell's own ceiling,"
                        + " since this machine's speed drifts between minutes (the pipeline's share is measured"
                        + " apart, paired). Evaluation: %s test images per protocol. Suite end to end: the last of %d"
                        + " epochs of RunTrainer; compute only and the peer: %d steps after %d untimed. Paired"
                        + " blocks: %d blocks of %d steps fed live by the pipeline alternating with as many on"
                        + " pre-made tensors, the same SGD step as RunTrainer, on which the input pipeline's target"
                        + " is judged. Profiled step: %d compute-only steps under PyTorch's profiler, self time per operator;"
                        + " convolution FLOPs from the table, the backward pass counted as twice the forward. Evaluation"
                        + " passes as FinalEvaluation makes them.%n",
                ceiling, MatmulCeiling.SIDE, MatmulCeiling.SIDE, MatmulCeiling.ROUNDS, size.ceilingProducts(), n, size.epochs(),
                size.computeSteps(), size.computeWarmup(), size.pairedBlocks(), size.pairedStepsPerBlock(),
                size.profileSteps()));
        return t.toString();
    }

    /** Milliseconds per step of a convolution pass and the rate it achieves: {@code macFactor} FLOPs per MAC. */
    private static String convolutions(VggConfig config, Map<String, String> cell, CellKey key, int macFactor,
            double ceiling) {
        double millis = number(cell, key);
        double gflops = (double) macFactor * Flops.convolutionMacs(spec(config)) * Budget.QUICK.batchSize()
                / (millis / 1000) / 1e9;
        return String.format(Locale.ROOT, "%.1f (%.0f, %.0f%%)", millis, gflops, 100 * gflops / ceiling);
    }

    /** "aten::max_pool2d_with_indices:7.52" as "max_pool2d_with_indices 7.5". */
    private static String operator(String nameAndMillis) {
        int colon = nameAndMillis.lastIndexOf(':');
        return nameAndMillis.substring(0, colon).replace("aten::", "") + " "
                + fmt1(Double.parseDouble(nameAndMillis.substring(colon + 1)));
    }

    private static String fmt1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static VggSpec spec(VggConfig config) {
        return VggSpec.of(config).withClasses(10).withWidth(Budget.QUICK.width()).withCrop(Budget.QUICK.crop());
    }

    private static void row(StringBuilder t, String measure, Function<VggConfig, String> cell,
            Function<VggConfig, String> target) {
        t.append("| ").append(measure).append(" | ");
        String targets = "";
        for (VggConfig c : CONFIGS) {
            t.append(cell.apply(c)).append(" | ");
            String one = target.apply(c);
            if (!one.isEmpty() && !targets.contains(one)) {
                targets = one;
            }
        }
        t.append(targets).append(" |\n");
    }

    private static String judged(double ratio, double target, String unit) {
        return fmt2(ratio) + unit + (ratio >= target ? " ✓" : " ✗");
    }

    private static String gflops(long flopsPerImage, double imagesPerSecond, double ceiling, boolean judge) {
        double rate = flopsPerImage * imagesPerSecond / 1e9;
        double share = rate / ceiling;
        return String.format(Locale.ROOT, "%.1f (%.0f%%)%s", rate, 100 * share,
                judge ? (share >= TARGET_CEILING ? " ✓" : " ✗") : "");
    }

    private static double number(Map<String, String> cell, CellKey key) {
        return number(cell, key.key());
    }

    /** A figure of a cell ({@link CellKey}) or of the peer ({@code peer.<config>.<figure>}, its script's keys). */
    private static double number(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no '" + key + "' among " + values.keySet());
        }
        return Double.parseDouble(value);
    }

    private static String fmt0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    // ---- the machine ---------------------------------------------------------------------------

    /** "Intel(R) Xeon(R) …, 2 cores, 23.4 GiB, Linux 6.1, Java 17.0.x". */
    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        String memory = "";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            memory = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, ", %.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / (1024.0 * 1024.0)))
                    .findFirst().orElse("");
        }
        return String.format(Locale.ROOT, "%s, %d cores%s, %s %s, Java %s", cpu,
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static void passThrough(List<String> command, String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            command.add("-D" + property + "=" + Path.of(value).toAbsolutePath());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
