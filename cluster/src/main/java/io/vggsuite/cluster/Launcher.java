package io.vggsuite.cluster;

import io.vggsuite.ablation.Budget;
import io.vggsuite.train.AllocatorTuning;
import io.vggsuite.train.KernelReproducibility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a job starts the suite on a node of a shared file system: the Java binary, the cluster jar
 * (whose manifest names its dependencies in {@code lib/} beside it) and the environment that
 * decides where data is found. Everything is absolute, so the job does not depend on the folder it
 * is started in.
 *
 * @param java the {@code java} executable
 * @param jar {@code cluster/target/vgg-cluster.jar}
 * @param environment variables the job exports, e.g. {@code VGG_DATA_DIR}
 */
public record Launcher(Path java, Path jar, Map<String, String> environment) {

    /** Variables a job inherits from the submitting shell when they are set there. */
    public static final List<String> PASSED_ON = List.of("VGG_DATA_DIR", "PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR",
            "PYTORCH_VERSION");

    public Launcher {
        environment = new TreeMap<>(environment);
    }

    /**
     * What a job's process sets whatever the submitter's shell had: PyTorch's OpenMP pool at the
     * run's thread count (the same as {@code -Dai.djl.pytorch.num_threads} in its command), and
     * the cap that keeps its convolution kernels reproducible, which libtorch reads when it loads
     * ({@link KernelReproducibility}), and glibc's malloc settings, read when the process starts
     * ({@link AllocatorTuning}).
     */
    public static Map<String, String> pinned(Resources resources) {
        Map<String, String> pinned = new TreeMap<>();
        pinned.put("OMP_NUM_THREADS", Integer.toString(resources.cpus()));
        pinned.putAll(KernelReproducibility.ENVIRONMENT);
        pinned.putAll(AllocatorTuning.ENVIRONMENT);
        return pinned;
    }

    /**
     * This JVM's java and the given jar, with {@link #PASSED_ON} from {@code env}; the data folder
     * of {@code -Dvgg.data.dir} wins over the environment's, as it does in this JVM.
     */
    public static Launcher of(Path jar, Map<String, String> env) {
        Map<String, String> passed = new TreeMap<>();
        String dataDir = System.getProperty("vgg.data.dir", "");
        if (!dataDir.isBlank()) {
            passed.put("VGG_DATA_DIR", Path.of(dataDir).toAbsolutePath().normalize().toString());
        }
        for (String name : PASSED_ON) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                passed.putIfAbsent(name, value);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new Launcher(java.toAbsolutePath(), jar.toAbsolutePath().normalize(), passed);
    }

    /**
     * The command that trains {@code runId}: the heap and PyTorch's threads from {@code resources}
     * (the thread count pinned, as in the tests' JVM, so the numbers do not depend on the node).
     */
    public List<String> trainCommand(Resources resources, Budget budget, Path resultsParent, String runId) {
        return runCommand("train-run", resources, budget, resultsParent, runId, List.of());
    }

    /**
     * The command that measures how fast {@code runId} trains with {@code resources}' threads, fed by
     * its own input pipeline, over a window of wall time (the {@code probe-run} subcommand).
     */
    public List<String> probeCommand(Resources resources, Budget budget, Path resultsParent, String runId,
            List<String> windowOptions) {
        return runCommand("probe-run", resources, budget, resultsParent, runId, windowOptions);
    }

    private List<String> runCommand(String subcommand, Resources resources, Budget budget, Path resultsParent,
            String runId, List<String> extra) {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + resources.heapMiB() + "m",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + resources.cpus(),
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-jar", jar.toString(),
                subcommand,
                "--budget", budget.name(),
                "--seeds", String.join(",", budget.seeds().stream().map(String::valueOf).toList()),
                // The data sizes explicitly: the job's grid is the submitter's, run ids included.
                "--train-images", Integer.toString(budget.data().trainImages()),
                "--validation-images", Integer.toString(budget.data().validationImages()),
                "--test-images", Integer.toString(budget.data().testImages()),
                "--results", resultsParent.toAbsolutePath().normalize().toString(),
                "--run-id", runId));
        command.addAll(extra);
        return command;
    }
}
