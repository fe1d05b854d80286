package io.vggsuite.ablation;

import io.vggsuite.data.ScaleMapping;
import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.DenseWindows;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.LocalResponseNorm;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.DepartureRecord;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.Recipe;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every place where the ablation's runs depart from the paper's protocol, or read an unclear
 * sentence of it one way: the paper's sentence, what the suite does at a given budget (computed
 * from the constants the code runs with, so it cannot drift from them) and why. The ablation
 * writes them to the results folder's {@code protocol.csv}, which the report renders.
 */
public enum Departure {
    DATA("data and scale",
            "\"the input to our ConvNets is a fixed-size 224 × 224 RGB image\"; ILSVRC-2012, 1.3M training images;"
                    + " \"the first FC layers have 4096 channels each\" (Sections 2.1, 4)",
            "the budget fits the machine: the paper's widths, crop and data are scaled down, and every paper size"
                    + " is mapped by the same ratio (ScaleMapping)") {
        @Override
        String suite(Budget budget) {
            VggSpec spec = spec(budget, VggConfig.A);
            return budget.scaleLabel() + ": conv widths " + spec.scaledFilters(64) + "…" + spec.scaledFilters(512)
                    + ", FC-" + spec.fcUnits() + ", crop " + budget.crop() + ", " + imageCounts(budget.data());
        }
    },
    SCALES("training and test scales",
            "S = 256, S = 384, S ∈ [256; 512]; single-scale Q = S, multi-scale Q ∈ {S − 32, S, S + 32} (Sections 3.1, 4.1, 4.2)",
            "the paper's sizes are for 224 crops; each maps to round(x·crop/224) to keep the ratio to the crop") {
        @Override
        String suite(Budget budget) {
            ScaleMapping map = ScaleMapping.forCrop(budget.crop());
            String sizes = "S = 256 → " + map.map(256) + ", 384 → " + map.map(384) + ", [256; 512] → [" + map.map(256)
                    + "; " + map.map(512) + "]; Q around 256: " + join(map.multiScaleQ(AblationPlan.S256))
                    + ", around 384: " + join(map.multiScaleQ(AblationPlan.S384));
            java.util.OptionalInt nativeSide = budget.data().nativeSide();
            if (nativeSide.isPresent() && map.map(512) > nativeSide.getAsInt()) {
                // Issue 31: rescaling a small image up adds no detail, which the paper's scale claims rest on.
                sizes += "; the images are " + nativeSide.getAsInt() + " px, so every size above "
                        + nativeSide.getAsInt() + " is an interpolation of the " + nativeSide.getAsInt()
                        + "-px image that adds no detail (claims that need detail at scale are out of scope here)";
            }
            return sizes;
        }
    },
    TRAINING_LENGTH("training length and schedule",
            "batch 256; learning rate 10⁻² \"decreased by a factor of 10 when the validation set accuracy stopped"
                    + " improving\"; \"stopped after 370K iterations (74 epochs)\" (Section 3.1)",
            "a budget's runs must finish in its wall time; short budgets use fixed drops instead of the plateau rule,"
                    + " which needs more epochs than they have") {
        @Override
        String suite(Budget budget) {
            if (budget.schedule() instanceof LearningRateSchedule.Plateau) {
                // Issue 34: the epochs are a cap; the rule decides where each run stops, fine-tunes too.
                return "batch " + budget.batchSize() + "; " + schedule(budget.schedule()) + ", training stopped when a"
                        + " further decrease falls due after the last, for fine-tuned nets too (from their own starting"
                        + " rate); at most " + budget.scratchEpochs() + " epochs from scratch or warm start and "
                        + budget.fineTuneEpochs() + " when fine-tuning";
            }
            return "batch " + budget.batchSize() + "; " + budget.scratchEpochs() + " epochs from scratch or warm start, "
                    + budget.fineTuneEpochs() + " when fine-tuning; " + schedule(budget.schedule())
                    + fineTuningSchedule(budget);
        }
    },
    FINE_TUNING_RATE("fine-tuning rate",
            "\"initialised with the weights pre-trained with S = 256, and we used a smaller initial learning rate of"
                    + " 10⁻³\"; jittered models fine-tuned from S = 384 (Section 3.1)",
            "the paper's ratio, a tenth of the rate from scratch, for both kinds of fine-tuning (not a tenth of"
                    + " the parent's, which would give the jittered nets 10⁻⁴); a budget whose nets stall at the"
                    + " paper's 10⁻² starts lower and keeps the ratio") {
        @Override
        String suite(Budget budget) {
            return "S = 384 and jittered nets start at " + rate(budget.learningRate() * AblationPlan.FINE_TUNE_FRACTION)
                    + ", nets from scratch or warm start at " + rate(budget.learningRate());
        }
    },
    INITIALISATION("random initialisation",
            "\"we sampled the weights from a normal distribution with the zero mean and 10⁻² variance\" (Section 3.1)",
            "read as σ = 10⁻² (σ = 0.1 diverges, the paper trained A from it); σ = 0.01 is for the paper's fan-ins,"
                    + " so each layer's σ is scaled to keep its gain σ·√fan-in at the paper's value") {
        @Override
        String suite(Budget budget) {
            String sigmas = Initialisation.paperNormalSigmas(spec(budget, VggConfig.A)).stream()
                    .map(g -> g.layer() + " " + String.format(Locale.ROOT, "%.3g", g.sigma()))
                    .collect(Collectors.joining(", "));
            return "net A starts from " + label(budget.randomStart()) + "; the paper's initialisation of A, mapped: "
                    + sigmas;
        }
    },
    WARM_START("warm start",
            "\"we initialised the first four convolutional layers and the last three fully-connected layers with"
                    + " the layers of net A (the intermediate layers were initialised randomly)\" (Section 3.1)",
            "A's first four layers do not line up one to one with a deeper net's; by role (stage, position) is"
                    + " where their shapes fit") {
        @Override
        String suite(Budget budget) {
            return "A's conv1_1, conv2_1, conv3_1, conv3_2 and fc6–fc8 go to the layers of the same role;"
                    + " the other layers are drawn from " + label(budget.randomStart());
        }
    },
    SHALLOW_CONTROL("B-5×5",
            "\"replacing each pair of 3×3 conv. layers with a single 5×5 conv. layer\" in B (Section 4.1); the paper"
                    + " does not say how B-5×5 was initialised",
            "on a short budget B-5×5 starts as B does (from random weights it would compare a head start, not filter"
                    + " sizes); a budget trained to convergence may start it as A, where the warm start fails and the"
                    + " head start is spent (Budget says which and why)") {
        @Override
        String suite(Budget budget) {
            if (budget.shallowControlStart() == ShallowControlStart.FROM_SCRATCH) {
                return "B-5×5 starts from " + label(budget.randomStart()) + " as A does (Section 3.1 warm-starts only"
                        + " the nets deeper than A; B-5×5 has 8 weight layers to A's 11): trained to the plateau rule,"
                        + " the head start of B's warm start is spent, and warm-started from the converged A B-5×5"
                        + " went to chance in its first epoch";
            }
            return "B-5×5 is warm-started from the same A as B: A's conv layers 1–3 centred in its 5×5 kernels"
                    + " (the same function at the start) and fc6–fc8; the rest from " + label(budget.randomStart());
        }
    },
    DENSE_EVALUATION("dense evaluation",
            "\"the fully-convolutional net is then applied to the whole (uncropped) image … the class score map is"
                    + " spatially averaged (sum-pooled)\" (Section 3.2): 224 windows every 32 pixels",
            "at a crop of 32 one plain pass would step by the whole crop; making the last pools stride-less and"
                    + " dilating the layers after them (à trous, as in Long et al.'s FCN) restores the paper's step of"
                    + " at most crop/7 in the same single pass, each window padded by its neighbours as the paper's") {
        @Override
        String suite(Budget budget) {
            ScaleMapping map = ScaleMapping.forCrop(budget.crop());
            int strideless = DenseWindows.stridelessPools(budget.crop());
            StringBuilder text = new StringBuilder();
            if (budget.densePadding() == DensePadding.ZEROS) {
                text.append("every window cut from the image and run alone, zero-padded as the training crops were,"
                        + " its class scores averaged: ");
            } else {
                text.append(strideless == 0 ? "one plain fully-convolutional pass over the whole image: "
                        : "one pass over the whole image with the last " + strideless + " max-pools stride-less and"
                                + " the layers after them dilated: ");
            }
            text.append("windows of ").append(budget.crop()).append(" every ").append(DenseWindows.step(budget.crop()))
                    .append(" pixels, starting at");
            for (int paperQ : new int[] {256, 384, 512}) {
                int q = map.map(paperQ);
                text.append(paperQ == 256 ? " " : "; ").append(join(DenseWindows.windowStarts(q, budget.crop())
                        .stream().mapToInt(Integer::intValue).toArray())).append(" at Q = ").append(q);
            }
            return text + " (both axes, and the mirror image)";
        }

        @Override
        String why(Budget budget) {
            if (budget.densePadding() == DensePadding.NEIGHBOURS) {
                return super.why(budget);
            }
            int lastStage = 2 * budget.crop() / VggConfig.TOTAL_STRIDE;
            return "the paper's step of at most crop/7 is kept; its padding by the neighbouring parts of the image is"
                    + " not: at a crop of " + budget.crop() + " the last convolutional stage is " + lastStage + "×"
                    + lastStage + " per window (14×14 at 224), so the neighbours replace most of what each of its"
                    + " filters saw in training, and the one pass scored C fine-tuned at S = 384 at 51.75% top-1"
                    + " error against 30.42% for the same windows run alone (docs/budgets.md, \"Dense evaluation at a"
                    + " crop of 32\"); claims on dense against multi-crop, which the paper puts down to their"
                    + " different padding, are out of scope here";
        }
    },
    LRN("local response normalisation",
            "\"the parameters for the LRN layer are those of (Krizhevsky et al., 2012)\" (Section 2.1); \"our"
                    + " implementation is derived from the publicly available C++ Caffe toolbox\" (Section 3.3)",
            "the paper's A-LRN was never released; Caffe's LRN layer divides α by the window size and defaults to"
                    + " k = 1, which is what the paper's constants compute there") {
        @Override
        String suite(Budget budget) {
            LocalResponseNorm.Form form = LocalResponseNorm.Form.DEFAULT;
            return form.name().toLowerCase(Locale.ROOT) + " form: n = " + LocalResponseNorm.SIZE + ", α on the window"
                    + " sum " + String.format(Locale.ROOT, "%.1e", form.alphaOnTheSum()) + ", β = "
                    + LocalResponseNorm.BETA + ", k = " + form.k();
        }
    };

    private final String topic;
    private final String paperSays;
    private final String why;

    Departure(String topic, String paperSays, String why) {
        this.topic = topic;
        this.paperSays = paperSays;
        this.why = why;
    }

    /** What the suite does at {@code budget}, from the constants its runs use. */
    abstract String suite(Budget budget);

    /** Why it departs at {@code budget}; the same at every budget unless a departure says otherwise. */
    String why(Budget budget) {
        return why;
    }

    public DepartureRecord record(Budget budget) {
        return new DepartureRecord(topic, paperSays, suite(budget), why(budget));
    }

    /** Every departure at {@code budget}, in declaration order. */
    public static List<DepartureRecord> at(Budget budget) {
        return Arrays.stream(values()).map(d -> d.record(budget)).toList();
    }

    private static VggSpec spec(Budget budget, VggConfig config) {
        // The initialisation and widths do not depend on the number of classes (see Initialisation).
        return VggSpec.of(config).withClasses(10).withWidth(budget.width()).withCrop(budget.crop());
    }

    private static String label(Initialisation init) {
        return init == Initialisation.GLOROT ? "Glorot's initialisation" : "the paper's N(0, 10⁻²), gain-mapped";
    }

    private static String images(int count) {
        return count == 0 ? "all" : String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * "all training images but the 5,000 held out for validation; 5,000 test images": issue 34
     * found "all training images" where 5,000 were held out, and the test count unsaid.
     */
    private static String imageCounts(DataSpec data) {
        String validation = String.format(Locale.ROOT, "%,d", data.validationImages());
        String training = data.trainImages() == 0
                ? "all training images but the " + validation + " held out for validation"
                : images(data.trainImages()) + " training images (and " + validation + " held out for validation)";
        return training + "; " + images(data.testImages()) + " test images";
    }

    /**
     * Fixed drops count epochs from a run's own start, so a fine-tune shorter than the first drop
     * keeps its starting rate throughout (issue 34: the reference's fine-tunes never annealed, and
     * the row read as if they did).
     */
    private static String fineTuningSchedule(Budget budget) {
        if (!(budget.schedule() instanceof LearningRateSchedule.Milestones m) || m.epochs().isEmpty()) {
            return "";
        }
        List<Integer> within = m.epochs().stream().filter(e -> e < budget.fineTuneEpochs()).toList();
        return within.isEmpty()
                ? "; fine-tuning's " + budget.fineTuneEpochs() + " epochs end before the first drop, so fine-tuned"
                        + " nets keep their starting rate throughout"
                : "; in fine-tuning's " + budget.fineTuneEpochs() + " epochs the rate falls after epoch(s) " + within;
    }

    private static String rate(float rate) {
        return String.format(Locale.ROOT, "%.0e", rate).replace("e-0", "e-");
    }

    private static String schedule(LearningRateSchedule schedule) {
        if (schedule instanceof LearningRateSchedule.Milestones m) {
            return m.epochs().isEmpty() ? "a constant rate" : "the rate falls 10× after epoch(s) " + m.epochs();
        }
        LearningRateSchedule.Plateau p = (LearningRateSchedule.Plateau) schedule;
        return "the paper's plateau rule (patience " + p.patience() + " epochs, at most " + p.maxDecreases()
                + " decreases)";
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
