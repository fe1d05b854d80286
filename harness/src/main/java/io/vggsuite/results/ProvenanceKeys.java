package io.vggsuite.results;

import java.util.List;

/** The keys of {@code run.properties}: the one place they are spelled. */
public final class ProvenanceKeys {

    private ProvenanceKeys() {}

    /** The paper's configuration name: "A", "A-LRN", "B-5×5". */
    public static final String CONFIG = "config";
    /** Training scale S that ran: "37", or "37-73" for scale jittering. */
    public static final String TRAIN_SCALE = "train.scale";
    /** The paper's training scale it stands for: "256", "384" or "[256;512]". */
    public static final String TRAIN_SCALE_PAPER = "train.scale.paper";
    /** "paper-normal", "glorot" or "warm-start-A". */
    public static final String INIT = "init";
    public static final String SEED = "seed";
    /** The compute budget the run belongs to (smoke, ablation, …). */
    public static final String BUDGET = "budget";
    /** "CIFAR-10", "ILSVRC-2012", … as it should be printed. */
    public static final String DATASET = "dataset";
    public static final String DATASET_CHECKSUM = "dataset.checksum";
    /** Training crop side in pixels (224 in the paper). */
    public static final String CROP = "crop";
    /** Width multiplier of conv channels and FC units (1 in the paper). */
    public static final String WIDTH = "width";
    public static final String BATCH_SIZE = "batch.size";
    public static final String EPOCHS_MAX = "epochs.max";
    /** A hash of every setting that changes the result; equal hashes may share a cached run. */
    public static final String CONFIG_HASH = "config.hash";
    public static final String GIT_COMMIT = "git.commit";
    /**
     * "true" when the checkout had uncommitted changes, new files included, outside
     * {@code published/} (results committed with the project are data, not the code that ran).
     */
    public static final String GIT_DIRTY = "git.dirty";
    public static final String DJL_VERSION = "djl.version";
    public static final String PYTORCH_VERSION = "pytorch.version";
    /** CPU model or GPU name. */
    public static final String DEVICE = "device";
    /** The CPU's maker as it names itself (/proc/cpuinfo's vendor_id): "GenuineIntel", "AuthenticAMD". */
    public static final String CPU_VENDOR = "cpu.vendor";
    /** The CPU's marketing name (/proc/cpuinfo's model name): "AMD EPYC", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz". */
    public static final String CPU_MODEL = "cpu.model";
    /** The CPU's family number (/proc/cpuinfo's cpu family, decimal): "6" for most Intel, "25" for AMD Zen 3 and 4. */
    public static final String CPU_FAMILY = "cpu.family";
    /** The CPU's model number within its family (/proc/cpuinfo's model, decimal): tells two generations apart. */
    public static final String CPU_MODEL_NUMBER = "cpu.model.number";
    /** The CPU's stepping, its revision within a model (/proc/cpuinfo's stepping). */
    public static final String CPU_STEPPING = "cpu.stepping";
    /**
     * The vector extensions among the CPU's flags that decide which oneDNN kernels can run, in
     * {@link #VECTOR_EXTENSIONS} order, space-separated: "sse4_1 sse4_2 avx avx2 fma …"; "none" when
     * the CPU has none of them.
     */
    public static final String CPU_VECTOR_EXTENSIONS = "cpu.vector.extensions";
    /** Size of the level-2 data or unified cache of CPU 0 as the kernel prints it: "1024K". */
    public static final String CPU_CACHE_L2 = "cpu.cache.l2";
    /** Size of the level-3 cache of CPU 0 as the kernel prints it: "32768K". */
    public static final String CPU_CACHE_L3 = "cpu.cache.l3";
    /**
     * oneDNN's cap on its kernels' instruction sets in this process: the value of {@link
     * #ONEDNN_MAX_CPU_ISA_VARIABLE} ("AVX2"), or {@link #ONEDNN_UNCAPPED} when it is not set.
     */
    public static final String ONEDNN_MAX_CPU_ISA = "onednn.max.cpu.isa";
    /**
     * The vector width of PyTorch's own CPU kernels (ATen's: element-wise ops, pooling, LRN's
     * squares and powers), which oneDNN's cap does not reach: the value of {@link
     * #ATEN_CPU_CAPABILITY_VARIABLE} ("avx2") where it is set, else the width ATen picks for this CPU
     * followed by {@link #ATEN_CPU_BEST} ("avx512 (ATen picks the CPU's best)"). It is what made an
     * AVX-512 EPYC's numbers differ from a Zen 3's from the first epoch, and holding it to avx2
     * made them bit-identical (docs/determinism.md, 2026-12-07).
     */
    public static final String ATEN_CPU_CAPABILITY = "aten.cpu.capability";
    /** PyTorch's intra-op thread count in force when the run's provenance was written: a reduction's split. */
    public static final String THREADS_INTRA_OP = "threads.intra.op";
    /** PyTorch's inter-op thread count in force when the run's provenance was written. */
    public static final String THREADS_INTER_OP = "threads.inter.op";
    /** ISO-8601 instants. */
    public static final String START = "start";
    public static final String END = "end";
    public static final String WALL_SECONDS = "wall.seconds";
    /** "running", "complete" or "diverged"; kept in step with the status file by {@link RunFolder}. */
    public static final String STATUS = "status";
    public static final String DIVERGED_EPOCH = "diverged.epoch";
    public static final String DIVERGED_LAST_LOSS = "diverged.last.loss";
    /**
     * Each time the training loss stopped being finite and what replaying the epoch from its last
     * checkpoint showed ("epoch 21 batch 113: replayed from epoch 20, finite"), "; "-separated;
     * absent when the loss stayed finite. "Finite" means the same state and seed did not reproduce
     * the NaN in that process: whether a loss spike overflowed was the process's numerics, and the
     * run's curve shows the spike (io.vggsuite.train.LossReplay).
     */
    public static final String LOSS_NOT_FINITE = "loss.not.finite";
    /**
     * The most resident memory of the process while the run trained (VmHWM in MiB, from the start
     * of the session that finished it; a higher value an earlier session recorded is kept): what a
     * cluster job training it must request. Test-set evaluations come after and are not in it.
     * Absent where there is no /proc.
     */
    public static final String PEAK_RSS_MIB = "memory.peak.rss.mib";
    /**
     * The most resident memory of the process while one of the run's test-set evaluations ran
     * (VmHWM in MiB from the start of that evaluation; the largest over the run's evaluations is
     * kept): dense evaluation at the largest test scale usually needs more than training did.
     * Absent where there is no /proc, and for runs whose posteriors were all computed elsewhere.
     */
    public static final String PEAK_RSS_MIB_EVALUATION = "memory.peak.rss.mib.evaluation";
    /**
     * How the run's dense posteriors were computed, written when they are: {@link #DENSE_ONE_PASS} or
     * {@link #DENSE_WINDOWS_ALONE}.
     * A run with dense posteriors and without this key computed them before issue 33 (2026-12-06),
     * as separate zero-padded windows cut from the image at offsets round(j·crop/7), not the one
     * pass whose windows are padded by their neighbours (Section 3.2); a kept posterior is reused,
     * so the report names such runs instead of mixing the two silently.
     */
    public static final String DENSE_EVALUATION = "evaluation.dense";
    /** The value of {@link #DENSE_EVALUATION} for the paper's one pass (since issue 33). */
    public static final String DENSE_ONE_PASS = "one pass, à trous";
    /**
     * The value of {@link #DENSE_EVALUATION} for windows cut from the image and run alone, zero-padded,
     * at the one pass's offsets (a budget's choice at a crop of 32: {@code eval.DensePadding}).
     */
    public static final String DENSE_WINDOWS_ALONE = "windows alone, zero-padded";

    /** Keys every finished run has; {@link Provenance#missing} checks them. */
    public static final List<String> REQUIRED = List.of(CONFIG, TRAIN_SCALE, TRAIN_SCALE_PAPER, INIT, SEED, BUDGET,
            DATASET, DATASET_CHECKSUM, CROP, WIDTH, BATCH_SIZE, EPOCHS_MAX, CONFIG_HASH, GIT_COMMIT, GIT_DIRTY,
            DJL_VERSION, PYTORCH_VERSION, DEVICE, START, END, WALL_SECONDS, STATUS);

    /**
     * The facts of the machine and of the numerical libraries that can make one seed's numbers
     * differ between two runs of the same code: what a baseline records and what the regression
     * check compares when a number leaves its band.
     */
    public static final List<String> MACHINE = List.of(DEVICE, CPU_VENDOR, CPU_MODEL, CPU_FAMILY, CPU_MODEL_NUMBER,
            CPU_STEPPING, CPU_VECTOR_EXTENSIONS, CPU_CACHE_L2, CPU_CACHE_L3, ONEDNN_MAX_CPU_ISA, ATEN_CPU_CAPABILITY,
            THREADS_INTRA_OP, THREADS_INTER_OP, PYTORCH_VERSION, DJL_VERSION);

    /**
     * The CPU flags {@link #CPU_VECTOR_EXTENSIONS} keeps, in the order it lists them: those whose
     * presence changes which of oneDNN's kernels runs (x86 from SSE4.1 to AMX; Arm's NEON and SVE).
     */
    public static final List<String> VECTOR_EXTENSIONS = List.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c",
            "avx_vnni", "avx_vnni_int8", "avx_ne_convert", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl",
            "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8", "amx_fp16",
            "asimd", "asimddp", "asimdhp", "sve", "sve2", "bf16", "i8mm");

    /**
     * The environment variable that caps oneDNN's instruction sets; libtorch reads it once, when it
     * loads, so its value at JVM start is the one in force.
     */
    public static final String ONEDNN_MAX_CPU_ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** {@link #ONEDNN_MAX_CPU_ISA} when the variable is not set. */
    public static final String ONEDNN_UNCAPPED = "none (oneDNN picks the CPU's best)";

    /** The environment variable ATen reads its kernels' vector width from when it loads. */
    public static final String ATEN_CPU_CAPABILITY_VARIABLE = "ATEN_CPU_CAPABILITY";
    /** What follows the width in {@link #ATEN_CPU_CAPABILITY} when the variable is not set. */
    public static final String ATEN_CPU_BEST = "(ATen picks the CPU's best)";

    /** The value of machine facts that could not be found out. */
    public static final String UNKNOWN = "unknown";
}
