package io.vggsuite.train;

import ai.djl.Device;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.RunFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Writes where a run's numbers came from into its folder, when it starts and when it ends. */
public final class RunProvenance {

    /** The whole spec, parents included, of which {@code config.hash} is the hash. */
    public static final String CONFIG_FULL = "config.full";
    public static final String RUN_ID = "run.id";
    public static final String DEVICES = "devices";

    private final String budget;

    private RunProvenance(String budget) {
        this.budget = budget;
    }

    public static RunProvenance forBudget(String budget) {
        return new RunProvenance(budget);
    }

    void writeStart(RunFolder folder, RunSpec spec, DataCatalog.Loaded images, Device[] devices, Instant started) {
        folder.writeProvenance(base(folder, spec, images, devices, started)
                .put(ProvenanceKeys.STATUS, "running")
                .build());
    }

    /** @param lossNotFinite {@link LossReplay#describe()}: each non-finite loss and its replay, if any */
    void writeEnd(RunFolder folder, RunSpec spec, DataCatalog.Loaded images, Device[] devices, Instant started,
            String status, List<String> lossNotFinite) {
        Instant ended = Instant.now();
        Instant firstStart = firstStart(folder, started);
        Provenance.Builder builder = base(folder, spec, images, devices, started)
                .put(ProvenanceKeys.END, ended.toString())
                .put(ProvenanceKeys.WALL_SECONDS, Duration.between(firstStart, ended).toMillis() / 1000.0)
                .put(ProvenanceKeys.STATUS, status);
        peakResidentMib(folder).ifPresent(mib -> builder.put(ProvenanceKeys.PEAK_RSS_MIB, mib));
        if (!lossNotFinite.isEmpty()) {
            builder.put(ProvenanceKeys.LOSS_NOT_FINITE, String.join("; ", lossNotFinite));
        }
        folder.divergence().ifPresent(d -> builder
                .put(ProvenanceKeys.DIVERGED_EPOCH, d.epoch())
                .put(ProvenanceKeys.DIVERGED_LAST_LOSS, d.lastFiniteLoss()));
        folder.writeProvenance(builder.build());
    }

    /**
     * The peak of this session (the trainer resets it when a session starts), or of an earlier
     * session of a resumed run where that was higher.
     */
    private static OptionalLong peakResidentMib(RunFolder folder) {
        OptionalLong now = ProcessMemory.now().peakResidentBytes();
        if (now.isEmpty()) {
            return OptionalLong.empty();
        }
        long earlier = folder.provenance().map(p -> p.getLong(ProvenanceKeys.PEAK_RSS_MIB).orElse(0)).orElse(0L);
        return OptionalLong.of(Math.max(earlier, ProcessMemory.mebibytes(now.getAsLong())));
    }

    /** A resumed run keeps the start of its first session; its wall time spans all sessions. */
    private static Instant firstStart(RunFolder folder, Instant started) {
        return folder.provenance().flatMap(p -> p.get(ProvenanceKeys.START)).map(Instant::parse).orElse(started);
    }

    private Provenance.Builder base(RunFolder folder, RunSpec spec, DataCatalog.Loaded images, Device[] devices,
            Instant started) {
        return Provenance.builder()
                .put(RUN_ID, spec.runId())
                .put(ProvenanceKeys.CONFIG, spec.model().config().paperName())
                .put(ProvenanceKeys.TRAIN_SCALE, spec.trainScale().isJittered()
                        ? spec.trainScale().min() + "-" + spec.trainScale().max()
                        : Integer.toString(spec.trainScale().min()))
                .put(ProvenanceKeys.TRAIN_SCALE_PAPER, spec.paperScaleLabel())
                .put(ProvenanceKeys.INIT, spec.start().label())
                .put(ProvenanceKeys.SEED, spec.seed())
                .put(ProvenanceKeys.BUDGET, budget)
                .put(ProvenanceKeys.DATASET, images.name())
                .put(ProvenanceKeys.DATASET_CHECKSUM, images.checksum())
                .put(ProvenanceKeys.CROP, spec.model().cropSize())
                .put(ProvenanceKeys.WIDTH, spec.model().width())
                .put(ProvenanceKeys.BATCH_SIZE, spec.recipe().batchSize())
                .put(ProvenanceKeys.EPOCHS_MAX, spec.recipe().maxEpochs())
                .put(ProvenanceKeys.CONFIG_HASH, spec.hash())
                .put(CONFIG_FULL, spec.canonical())
                .put(DEVICES, Devices.describe(devices))
                .put(ProvenanceKeys.START, firstStart(folder, started).toString())
                .collect();
    }
}
