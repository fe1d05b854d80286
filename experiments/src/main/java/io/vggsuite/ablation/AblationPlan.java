package io.vggsuite.ablation;

import io.vggsuite.data.TrainScale;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.Start;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The runs the paper's protocol needs at one budget and seed, and how they start from each other
 * (Section 3.1): net A from random weights; deeper nets warm-started from A; S = 384 fine-tuned
 * from S = 256 and jittered S fine-tuned from S = 384, both at {@link #FINE_TUNE_FRACTION} of the budget's rate. A trained
 * net serves every table that mentions it, so each spec here is trained once.
 */
public final class AblationPlan {

    /** The paper's training scales, in its pixels (224 crops). */
    public static final TrainScale S256 = TrainScale.fixed(256);
    public static final TrainScale S384 = TrainScale.fixed(384);
    public static final TrainScale JITTERED = TrainScale.jittered(256, 512);

    /**
     * The initial learning rate of every fine-tuned net, S = 384 and jittered alike, as a fraction
     * of the budget's rate from scratch: "initialised with the weights pre-trained with S = 256, and
     * we used a smaller initial learning rate of 10⁻³" (Section 3.1), a tenth of the paper's 10⁻²;
     * the jittered nets are fine-tuned from S = 384 by the same rule. It is a tenth of the rate from
     * scratch, not of the parent's: a tenth of the parent's would give the jittered nets 10⁻⁴.
     */
    public static final float FINE_TUNE_FRACTION = 0.1f;

    private final Budget budget;
    private final int classes;
    private final int channels;
    private final long seed;
    private final UnaryOperator<VggSpec> modelChange;

    public AblationPlan(Budget budget, int classes, int channels, long seed) {
        this(budget, classes, channels, seed, UnaryOperator.identity());
    }

    private AblationPlan(Budget budget, int classes, int channels, long seed, UnaryOperator<VggSpec> modelChange) {
        this.budget = budget;
        this.classes = classes;
        this.channels = channels;
        this.seed = seed;
        this.modelChange = modelChange;
    }

    /**
     * The same protocol with {@code variant} applied to every net it builds, parents included: an
     * ablation beyond the paper changes one thing and keeps the paper's protocol around it.
     */
    public AblationPlan under(Variant variant) {
        UnaryOperator<VggSpec> before = modelChange;
        return new AblationPlan(budget, classes, channels, seed, spec -> variant.apply(before.apply(spec)));
    }

    public long seed() {
        return seed;
    }

    /** The net of {@code config} trained at {@code paperScale} by the paper's protocol. */
    public RunSpec run(VggConfig config, TrainScale paperScale) {
        if (paperScale.equals(S384)) {
            return fineTune(run(config, S256), S384);
        }
        if (paperScale.isJittered()) {
            return fineTune(run(config, S384), paperScale);
        }
        return spec(config, paperScale, startAt256(config), scratchRecipe());
    }

    /** The initialisation study: {@code config} at S = 256 from random weights. */
    public RunSpec fromScratch(VggConfig config, Initialisation initialisation) {
        return spec(config, S256, new Start.FromScratch(initialisation), scratchRecipe());
    }

    /** Every distinct run of the grid, parents before children, for the plan printout. */
    public List<RunSpec> all() {
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (PaperRow row : PaperRow.ALL) {
            add(runs, run(row.config(), row.trainScale()));
        }
        for (Initialisation init : Initialisation.values()) {
            add(runs, fromScratch(VggConfig.A, init));
            add(runs, fromScratch(VggConfig.E, init));
        }
        return new ArrayList<>(runs.values());
    }

    /** {@code spec} and the runs it starts from, parents first: what must be trained before it. */
    public static List<RunSpec> lineage(RunSpec spec) {
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        add(runs, spec);
        return new ArrayList<>(runs.values());
    }

    private static void add(Map<String, RunSpec> runs, RunSpec spec) {
        spec.start().parent().ifPresent(parent -> add(runs, parent));
        runs.putIfAbsent(spec.runId(), spec);
    }

    private Start startAt256(VggConfig config) {
        switch (config) {
            case A:
            case A_LRN:
                return new Start.FromScratch(budget.randomStart());
            case B_5X5:
                // The budget says whether Section 4.1's shallow control starts the way B does (A's
                // 3×3 kernels centred in its 5×5 layers, WarmStart says which) or as A does.
                return budget.shallowControlStart() == ShallowControlStart.FROM_SCRATCH
                        ? new Start.FromScratch(budget.randomStart())
                        : new Start.WarmStartFromA(run(VggConfig.A, S256), budget.randomStart());
            default:
                return new Start.WarmStartFromA(run(VggConfig.A, S256), budget.randomStart());
        }
    }

    private RunSpec fineTune(RunSpec parent, TrainScale paperScale) {
        Recipe recipe = scratchRecipe()
                .withLearningRate(budget.learningRate() * FINE_TUNE_FRACTION)
                .withMaxEpochs(budget.fineTuneEpochs());
        return spec(parent.model().config(), paperScale, new Start.FineTune(parent), recipe);
    }

    private Recipe scratchRecipe() {
        return Recipe.paper()
                .withBatchSize(budget.batchSize())
                .withLearningRate(budget.learningRate())
                .withMaxEpochs(budget.scratchEpochs())
                .withSchedule(budget.schedule());
    }

    private RunSpec spec(VggConfig config, TrainScale paperScale, Start start, Recipe recipe) {
        VggSpec model = modelChange.apply(VggSpec.of(config).withClasses(classes).withInputChannels(channels)
                .withWidth(budget.width()).withCrop(budget.crop()));
        return RunSpec.builder().data(budget.data()).model(model).paperScale(paperScale).start(start).recipe(recipe)
                .seed(seed).build();
    }
}
