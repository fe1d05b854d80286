package io.vggsuite.train;

import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.Layer;
import io.vggsuite.model.LocalResponseNorm;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.RunKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a run's numbers, and so its identity: two runs with the same spec are
 * the same run (the run cache of the results folder relies on it).
 *
 * @param data the images
 * @param model the net
 * @param paperScale the training scale S in the paper's pixels (for 224 crops): 256, 384 or
 *     [256;512]; {@link #trainScale()} maps it to the crop the net uses (Section 3.1)
 * @param flip random horizontal flips (Section 3.1)
 * @param colourShift random RGB colour shift (Section 3.1)
 * @param start where the weights come from
 * @param recipe the optimisation recipe
 * @param seed drives shuffling, augmentation, initialisation and dropout
 */
public record RunSpec(
        DataSpec data,
        VggSpec model,
        TrainScale paperScale,
        boolean flip,
        boolean colourShift,
        Start start,
        Recipe recipe,
        long seed) {

    /**
     * A spec built by name: {@code RunSpec.builder().data(d).model(m).paperScale(s).start(st)
     * .recipe(r).seed(1).build()}. Flips and colour shift are on unless switched off, as in
     * Section 3.1.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().data(data).model(model).paperScale(paperScale).flip(flip).colourShift(colourShift)
                .start(start).recipe(recipe).seed(seed);
    }

    /** The same run with another recipe (a different run: the recipe is part of the identity). */
    public RunSpec withRecipe(Recipe other) {
        return toBuilder().recipe(other).build();
    }

    /** Names each part of a {@link RunSpec}; {@link #build()} says which required part is missing. */
    public static final class Builder {
        private DataSpec data;
        private VggSpec model;
        private TrainScale paperScale;
        private boolean flip = true;
        private boolean colourShift = true;
        private Start start;
        private Recipe recipe;
        private Long seed;

        private Builder() {}

        public Builder data(DataSpec value) {
            this.data = value;
            return this;
        }

        public Builder model(VggSpec value) {
            this.model = value;
            return this;
        }

        /** S in the paper's pixels (for 224 crops), mapped to the crop by {@link RunSpec#trainScale()}. */
        public Builder paperScale(TrainScale value) {
            this.paperScale = value;
            return this;
        }

        /** Random horizontal flips; on by default (Section 3.1). */
        public Builder flip(boolean on) {
            this.flip = on;
            return this;
        }

        /** Random RGB colour shift; on by default (Section 3.1). */
        public Builder colourShift(boolean on) {
            this.colourShift = on;
            return this;
        }

        public Builder start(Start value) {
            this.start = value;
            return this;
        }

        public Builder recipe(Recipe value) {
            this.recipe = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @throws NullPointerException naming the first part not set */
        public RunSpec build() {
            return new RunSpec(required(data, "data"), required(model, "model"), required(paperScale, "paperScale"),
                    flip, colourShift, required(start, "start"), required(recipe, "recipe"), required(seed, "seed"));
        }

        private static <T> T required(T value, String part) {
            return Objects.requireNonNull(value, () -> "RunSpec: " + part + " was not set");
        }
    }

    /** The training scale in the suite's own pixels. */
    public TrainScale trainScale() {
        return ScaleMapping.forCrop(model.cropSize()).map(paperScale);
    }

    /** "256" or "[256;512]", as the paper's tables print S. */
    public String paperScaleLabel() {
        return scaleLabel(paperScale);
    }

    public static String scaleLabel(TrainScale scale) {
        return scale.isJittered() ? "[" + scale.min() + ";" + scale.max() + "]" : Integer.toString(scale.min());
    }

    /**
     * What the report and {@code ci} select this run by, written once into its folder by the
     * trainer. Derived here, beside {@link #runId()}, so the two cannot disagree.
     */
    public RunKey key() {
        RunKey.StartKind kind;
        Optional<Initialisation> initialisation;
        Optional<String> parent = start.parent().map(RunSpec::runId);
        if (start instanceof Start.FromScratch scratch) {
            kind = RunKey.StartKind.SCRATCH;
            initialisation = Optional.of(scratch.initialisation());
        } else if (start instanceof Start.WarmStartFromA warm) {
            kind = RunKey.StartKind.WARM_START_A;
            initialisation = Optional.of(warm.rest());
        } else {
            kind = RunKey.StartKind.FINE_TUNE;
            initialisation = Optional.empty();
        }
        // The key holds bare scales (min, max): what the mapped scale came from is the paper scale beside it.
        TrainScale ours = new TrainScale(trainScale().min(), trainScale().max());
        TrainScale papers = new TrainScale(paperScale.min(), paperScale.max());
        return new RunKey(runId(), model.config(), model.width(), model.cropSize(), papers, ours, kind,
                start.label(), initialisation, parent, seed,
                new RunKey.Data(data.dataset(), data.trainImages(), data.validationImages(), data.testImages(),
                        data.splitSeed()),
                model.variant());
    }

    /**
     * A canonical text of every field, parents of warm starts and fine-tunes included, in
     * {@link CanonicalForm}'s version {@value CanonicalForm#VERSION}: what {@link #hash()} hashes.
     */
    public String canonical() {
        String startText;
        if (start instanceof Start.FromScratch scratch) {
            startText = "scratch:" + scratch.initialisation().identity();
        } else if (start instanceof Start.WarmStartFromA warm) {
            startText = "warmA:" + warm.rest().identity() + ":{" + warm.netA().canonical() + "}";
        } else {
            startText = "finetune:{" + ((Start.FineTune) start).from().canonical() + "}";
        }
        return String.join("|",
                "data=" + canonical(data),
                "model=" + canonical(model) + lrnText(),
                "scale=" + paperScaleLabel(),
                "flip=" + flip,
                "colourShift=" + colourShift,
                "start=" + startText,
                "recipe=" + canonical(recipe),
                "seed=" + seed);
    }

    // Each part spelled as CanonicalForm's version 1 fixes it: new fields go in with fieldUnlessDefault.

    private static CanonicalForm canonical(DataSpec data) {
        return CanonicalForm.of("DataSpec").field("dataset", data.dataset()).field("trainImages", data.trainImages())
                .field("validationImages", data.validationImages()).field("testImages", data.testImages())
                .field("splitSeed", data.splitSeed());
    }

    private static CanonicalForm canonical(VggSpec model) {
        CanonicalForm form = CanonicalForm.of("VggSpec").field("config", model.config().name())
                .field("numClasses", model.numClasses()).field("inputChannels", model.inputChannels())
                .field("width", model.width()).field("cropSize", model.cropSize());
        // Only the variant's departures from the paper: the paper's nets keep their ids.
        model.variant().departures().forEach(form::field);
        return form;
    }

    private static CanonicalForm canonical(Recipe recipe) {
        return CanonicalForm.of("Recipe").field("batchSize", recipe.batchSize())
                .field("learningRate", recipe.learningRate()).field("momentum", recipe.momentum())
                .field("weightDecay", recipe.weightDecay()).field("maxEpochs", recipe.maxEpochs())
                .field("schedule", canonical(recipe.schedule()));
    }

    private static CanonicalForm canonical(LearningRateSchedule schedule) {
        if (schedule instanceof LearningRateSchedule.Plateau plateau) {
            return CanonicalForm.of("Plateau").field("patience", plateau.patience())
                    .field("maxDecreases", plateau.maxDecreases());
        }
        return CanonicalForm.of("Milestones").field("epochs", ((LearningRateSchedule.Milestones) schedule).epochs());
    }

    /** The LRN form is part of the function only of nets that have an LRN layer (A-LRN). */
    private String lrnText() {
        boolean hasLrn = model.config().layers().stream().anyMatch(layer -> layer instanceof Layer.Lrn);
        return hasLrn ? ",lrn=" + LocalResponseNorm.Form.DEFAULT : "";
    }

    /** First 12 hex digits of the SHA-256 of {@link #canonical()}. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Readable and unique: {@code D-w1_8-S256-glorot-s1-0123456789ab}: the net, the model variant's
     * label where it is not the paper's ({@code D-BN-w1_8-…}), the width ({@link #widthId}), the
     * paper's training scale, the start and the seed, so two runs of one net and seed that differ
     * in anything a budget varies differ before the hash, and a glob over folders can select them.
     * The hash alone makes the id unique (it hashes {@link #canonical()}).
     */
    public String runId() {
        String scale = paperScale.isJittered()
                ? "S" + paperScale.min() + "-" + paperScale.max()
                : "S" + paperScale.min();
        String config = model.config().name().toUpperCase(Locale.ROOT);
        if (!model.variant().isPaper()) {
            config += "-" + model.variant().label();
        }
        return config + "-" + widthId(model.width()) + "-" + scale + "-" + start.label() + "-s" + seed + "-" + hash();
    }

    /** The width as a run id and a file name can hold it: "w1" (the paper's), "w1_8", "w1_4", "w0.3". */
    public static String widthId(double width) {
        return "w" + VggSpec.widthLabel(width).replace('/', '_');
    }
}
