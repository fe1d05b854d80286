package io.vggsuite.results;

import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.ModelVariant;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run is, as the report and {@code ci} recognise it: written once into the run folder
 * ({@code key.csv}, see {@link RunFolder}) by the trainer from the run's spec, and read back typed,
 * so that no reader re-parses run ids or provenance labels. The run id (with its hash) stays the
 * identity of the folder; the key names the parts a table or a metric selects by.
 *
 * @param runId the folder's run id
 * @param config the net (Table 1)
 * @param width the channel-width multiplier of the suite's budgets, 1 for the paper's widths
 * @param crop the input crop in the suite's pixels (224 in the paper)
 * @param paperScale the training scale S in the paper's pixels: 256, 384 or [256;512] (Section 3.1)
 * @param trainScale the same scale in the suite's pixels
 * @param startKind where the weights come from
 * @param start the start as the paper's rows name it: "glorot", "paper-normal", "warm-start-A",
 *     "fine-tune"; the label of {@code io.vggsuite.train.Start}, written as the trainer spells it
 * @param initialisation the random initialisation of a start from scratch, or of the layers a warm
 *     start does not copy; empty for a fine-tune
 * @param parentRunId the run a warm start or fine-tune starts from; empty from scratch
 * @param seed the run's seed
 * @param data the images
 * @param variant the model options of an ablation beyond the paper, {@link ModelVariant#PAPER} for
 *     the paper's nets; a {@code key.csv} written before the column existed reads as the paper's
 */
public record RunKey(
        String runId,
        VggConfig config,
        double width,
        int crop,
        TrainScale paperScale,
        TrainScale trainScale,
        StartKind startKind,
        String start,
        Optional<Initialisation> initialisation,
        Optional<String> parentRunId,
        long seed,
        Data data,
        ModelVariant variant) {

    /** Where a run's weights come from (Section 3.1). */
    public enum StartKind {
        SCRATCH,
        WARM_START_A,
        FINE_TUNE
    }

    /**
     * Which images a run trains and is tested on.
     *
     * @param dataset "cifar10", "fashion-mnist" or "imagefolder:&lt;path&gt;"
     * @param trainImages training images used, 0 for all
     * @param validationImages held out from the training set
     * @param testImages test images evaluated, 0 for all
     * @param splitSeed fixes the validation split and the subset
     */
    public record Data(String dataset, int trainImages, int validationImages, int testImages, long splitSeed) {}

    public RunKey {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(paperScale, "paperScale");
        Objects.requireNonNull(trainScale, "trainScale");
        Objects.requireNonNull(startKind, "startKind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(initialisation, "initialisation");
        Objects.requireNonNull(parentRunId, "parentRunId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(variant, "variant");
        if ((startKind == StartKind.SCRATCH) == parentRunId.isPresent()) {
            throw new IllegalArgumentException("run " + runId + ": a " + startKind
                    + " start " + (parentRunId.isPresent() ? "has no parent run" : "needs its parent run's id"));
        }
    }

    /**
     * The net as tables and metric names print it: the paper's name ("D", "B-5×5"), with the
     * model variant's label after a dash when there is one ("D-BN"), so a variant never stands in
     * a row of the paper's.
     */
    public String netName() {
        return variant.netName(config);
    }

    /** The paper's training scale as its tables print it: "256", "[256;512]". */
    public String paperScaleLabel() {
        return paperScale.label();
    }

    // ---- key.csv: one row ------------------------------------------------------------------------

    void writeTo(java.nio.file.Path file) {
        CsvTable.write(file, Columns.KEY, List.of(this), k -> List.of(
                k.runId,
                k.config.name(),
                CsvTable.number(k.width),
                Integer.toString(k.crop),
                scale(k.paperScale),
                scale(k.trainScale),
                k.startKind.name(),
                k.start,
                k.initialisation.map(Initialisation::name).orElse(""),
                k.parentRunId.orElse(""),
                Long.toString(k.seed),
                k.data.dataset(),
                Integer.toString(k.data.trainImages()),
                Integer.toString(k.data.validationImages()),
                Integer.toString(k.data.testImages()),
                Long.toString(k.data.splitSeed()),
                k.variant.label()));
    }

    /**
     * Reads {@link Columns#KEY}, or a header written before it ({@link Columns#KEY_WITH_NORMALISATION}:
     * the normalisation by name; {@link Columns#KEY_WITHOUT_NORMALISATION}: before there were
     * variants, so the paper's net).
     *
     * @return empty when the file is absent; throws {@link ResultsFileException} naming it when damaged
     */
    static Optional<RunKey> readFrom(java.nio.file.Path file) {
        List<RunKey> rows = CsvTable.read(file, Columns.KEY,
                List.of(Columns.KEY_WITH_NORMALISATION, Columns.KEY_WITHOUT_NORMALISATION), row -> {
            try {
                return new RunKey(
                        row.text(Columns.RUN_ID),
                        row.parsed(Columns.CONFIG, VggConfig::valueOf),
                        row.number(Columns.WIDTH),
                        row.integer(Columns.CROP),
                        row.parsed(Columns.PAPER_TRAIN_SCALE, RunKey::scale),
                        row.parsed(Columns.TRAIN_SCALE, RunKey::scale),
                        row.parsed(Columns.START_KIND, StartKind::valueOf),
                        row.text(Columns.START),
                        optional(row.text(Columns.INITIALISATION)).map(Initialisation::valueOf),
                        optional(row.text(Columns.PARENT_RUN_ID)),
                        row.parsed(Columns.SEED, Long::parseLong),
                        new Data(row.text(Columns.DATASET), row.integer(Columns.TRAIN_IMAGES),
                                row.integer(Columns.VALIDATION_IMAGES), row.integer(Columns.TEST_IMAGES),
                                row.parsed(Columns.SPLIT_SEED, Long::parseLong)),
                        variant(row));
            } catch (IllegalArgumentException e) {
                throw new ResultsFileException(file, e.getMessage(), e);
            }
        });
        if (rows.size() > 1) {
            throw new ResultsFileException(file, "holds " + rows.size() + " keys, expected one");
        }
        return rows.stream().findFirst();
    }

    private static ModelVariant variant(CsvTable.Row row) {
        if (row.has(Columns.MODEL_VARIANT)) {
            return row.parsed(Columns.MODEL_VARIANT, ModelVariant::parse);
        }
        return row.has(Columns.NORMALISATION)
                ? ModelVariant.PAPER.withNormalisation(row.parsed(Columns.NORMALISATION, Normalisation::valueOf))
                : ModelVariant.PAPER;
    }

    private static Optional<String> optional(String cell) {
        return cell.isEmpty() ? Optional.empty() : Optional.of(cell);
    }

    /** "256" or "256;512" (min;max of a jittered scale). */
    private static String scale(TrainScale scale) {
        return scale.isJittered() ? scale.min() + Columns.LIST_SEPARATOR + scale.max() : Integer.toString(scale.min());
    }

    private static TrainScale scale(String cell) {
        String[] parts = cell.split(Columns.LIST_SEPARATOR, -1);
        try {
            if (parts.length == 1) {
                return TrainScale.fixed(Integer.parseInt(parts[0].strip()));
            }
            if (parts.length == 2) {
                return TrainScale.jittered(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("training scale '" + cell + "' is not 'S' or 'min;max'");
    }
}
