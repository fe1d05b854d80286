package io.vggsuite.results;

import java.util.List;
import java.util.stream.Stream;

/** The column names of every results CSV file, in file order: the one place they are spelled. */
public final class Columns {

    private Columns() {}

    public static final String EPOCH = "epoch";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TRAIN_TOP1_ERROR = "train_top1_error";
    public static final String VAL_TOP1_ERROR = "val_top1_error";
    public static final String VAL_TOP5_ERROR = "val_top5_error";
    public static final String SECONDS = "seconds";
    public static final String IMAGES_PER_SECOND = "images_per_second";

    public static final String METHOD = "method";
    public static final String TEST_SCALES = "test_scales";
    public static final String PAPER_TEST_SCALES = "paper_test_scales";
    public static final String TOP1_ERROR = "top1_error";
    public static final String TOP5_ERROR = "top5_error";
    public static final String IMAGES = "images";

    public static final String CLAIM_ID = "claim_id";
    public static final String CLAIM = "claim";
    public static final String PAPER_EVIDENCE = "paper_evidence";
    public static final String OUR_EVIDENCE = "our_evidence";
    public static final String KIND = "kind";
    public static final String PAPER_EFFECT = "paper_effect";
    public static final String EFFECT = "effect";
    public static final String EFFECT_LOW = "effect_low";
    public static final String EFFECT_HIGH = "effect_high";
    public static final String P_HOLM = "p_holm";
    public static final String MDE = "mde";
    public static final String VERDICT = "verdict";
    /** Why a verdict was held at inconclusive whatever the p-values; empty where nothing held it. */
    public static final String CAP = "cap";

    public static final String TOPIC = "topic";
    public static final String PAPER_SAYS = "paper_says";
    public static final String SUITE_DOES = "suite_does";
    public static final String WHY = "why";

    public static final String RUN_ID = "run_id";
    public static final String CONFIG = "config";
    public static final String WIDTH = "width";
    public static final String CROP = "crop";
    public static final String PAPER_TRAIN_SCALE = "paper_train_scale";
    public static final String TRAIN_SCALE = "train_scale";
    public static final String START_KIND = "start_kind";
    public static final String START = "start";
    public static final String INITIALISATION = "initialisation";
    public static final String PARENT_RUN_ID = "parent_run_id";
    public static final String SEED = "seed";
    public static final String DATASET = "dataset";
    public static final String TRAIN_IMAGES = "train_images";
    public static final String VALIDATION_IMAGES = "validation_images";
    public static final String TEST_IMAGES = "test_images";
    public static final String SPLIT_SEED = "split_seed";
    /**
     * {@code io.vggsuite.model.ModelVariant} by its label: empty for the paper's nets, "BN" for
     * batch normalisation.
     */
    public static final String MODEL_VARIANT = "model_variant";
    /** Before {@link #MODEL_VARIANT}: {@code io.vggsuite.model.Normalisation} by name (NONE or BATCH_NORM). */
    public static final String NORMALISATION = "normalisation";

    public static final String MEMBERS = "members";
    public static final String LABEL = "label";
    /** One side of a claim's comparison, as its evidence names it. */
    public static final String ARM = "arm";
    public static final String RUN_IDS = "run_ids";

    /** {@code epochs.csv}. */
    public static final List<String> EPOCHS = List.of(EPOCH, LEARNING_RATE, TRAIN_LOSS, TRAIN_TOP1_ERROR,
            VAL_TOP1_ERROR, VAL_TOP5_ERROR, SECONDS, IMAGES_PER_SECOND);

    /** {@code final.csv}. */
    public static final List<String> FINAL =
            List.of(METHOD, TEST_SCALES, PAPER_TEST_SCALES, TOP1_ERROR, TOP5_ERROR, IMAGES);

    /**
     * {@code key.csv} as written before {@link #NORMALISATION} existed: still read, as a run without
     * normalisation (every run then was one), so folders trained before need no rewriting.
     */
    public static final List<String> KEY_WITHOUT_NORMALISATION = List.of(RUN_ID, CONFIG, WIDTH, CROP,
            PAPER_TRAIN_SCALE, TRAIN_SCALE, START_KIND, START, INITIALISATION, PARENT_RUN_ID, SEED, DATASET,
            TRAIN_IMAGES, VALIDATION_IMAGES, TEST_IMAGES, SPLIT_SEED);

    /** {@code key.csv} as written while batch normalisation was the only model option: still read. */
    public static final List<String> KEY_WITH_NORMALISATION =
            Stream.concat(KEY_WITHOUT_NORMALISATION.stream(), Stream.of(NORMALISATION)).toList();

    /** {@code key.csv} of a run folder: one row, the {@link RunKey}; new columns go last. */
    public static final List<String> KEY = Stream.concat(KEY_WITHOUT_NORMALISATION.stream(), Stream.of(MODEL_VARIANT))
            .toList();

    /** {@code claims.csv}. */
    public static final List<String> CLAIMS =
            List.of(CLAIM_ID, CLAIM, PAPER_EVIDENCE, KIND, PAPER_EFFECT, EFFECT, EFFECT_LOW, EFFECT_HIGH,
                    P_HOLM, MDE, VERDICT, OUR_EVIDENCE, CAP);

    /** {@code claims.csv} as written before {@link #CAP} had a column (the cap ended the evidence): still read. */
    public static final List<String> CLAIMS_WITHOUT_CAP = CLAIMS.subList(0, CLAIMS.size() - 1);

    /** {@code arms.csv}: one {@link ArmRecord} per measured side of a judged claim. */
    public static final List<String> ARMS = List.of(CLAIM_ID, ARM, RUN_IDS, TOP1_ERROR, TOP5_ERROR);

    /** {@code fusion.csv}. */
    public static final List<String> FUSION =
            List.of(MEMBERS, LABEL, METHOD, TEST_SCALES, PAPER_TEST_SCALES, TOP1_ERROR, TOP5_ERROR, IMAGES);

    /** {@code protocol.csv}. */
    public static final List<String> PROTOCOL = List.of(TOPIC, PAPER_SAYS, SUITE_DOES, WHY);

    /** Separates the items of a list inside one cell: scales "256;384;512", run ids. */
    public static final String LIST_SEPARATOR = ";";
}
