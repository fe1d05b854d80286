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
    /** ISO-8601 instants. */
    public static final String START = "start";
    public static final String END = "end";
    public static final String WALL_SECONDS = "wall.seconds";
    /** "running", "complete" or "diverged"; kept in step with the status file by {@link RunFolder}. */
    public static final String STATUS = "status";
    public static final String DIVERGED_EPOCH = "diverged.epoch";
    public static final String DIVERGED_LAST_LOSS = "diverged.last.loss";
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

    /** Keys every finished run has; {@link Provenance#missing} checks them. */
    public static final List<String> REQUIRED = List.of(CONFIG, TRAIN_SCALE, TRAIN_SCALE_PAPER, INIT, SEED, BUDGET,
            DATASET, DATASET_CHECKSUM, CROP, WIDTH, BATCH_SIZE, EPOCHS_MAX, CONFIG_HASH, GIT_COMMIT, GIT_DIRTY,
            DJL_VERSION, PYTORCH_VERSION, DEVICE, START, END, WALL_SECONDS, STATUS);

    /** The value of machine facts that could not be found out. */
    public static final String UNKNOWN = "unknown";
}
