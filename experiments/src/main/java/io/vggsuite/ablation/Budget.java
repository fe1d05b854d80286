package io.vggsuite.ablation;

import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.LearningRateSchedule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How big the ablation runs. Every number here was chosen by measurement on the 2-core reference
 * machine (see the README's "Budgets" table for the wall times).
 *
 * @param name what {@code -Dablation.budget} says
 * @param data images for training, validation and test
 * @param width conv and FC width multiplier (1 is the paper)
 * @param crop training crop (224 in the paper)
 * @param batchSize mini-batch (256 in the paper)
 * @param scratchEpochs epochs of a net trained from random or warm-started weights
 * @param fineTuneEpochs epochs of a net fine-tuned from another scale (S=384, jittered)
 * @param schedule when the learning rate falls
 * @param randomStart what the paper draws from N(0, 10⁻²) starts from: net A (and A-LRN) from
 *     scratch, and the layers a warm start from A does not copy ("the intermediate layers were
 *     initialised randomly", Section 3.1). The paper's N(0, 10⁻²), gain-mapped, where it trains
 *     at this scale; else the paper's own alternative, Glorot (Section 3.1), and the
 *     initialisation study shows why. The mapped initialisation keeps each layer's gain, so the
 *     net's logits start as small as the paper's (σ ≈ 4·10⁻⁴ for 0–255 inputs): the paper had
 *     370K iterations to leave that plateau, the CIFAR budgets have 1.5K or fewer. Measured at
 *     width 1/4 (4,000 images): after epoch 1 A from it was at chance (loss 2.3030, val top-1
 *     90.0%) where Glorot's A had begun (val top-1 83.7%, 78.6% after epoch 3). Measured for the
 *     rest of a warm start on the quick budget (commit 1473cef): C warm-started from a trained A
 *     with its other layers from the mapped N(0, 10⁻²) stayed at chance for all 6 epochs (loss
 *     2.3038, val top-1 90.0%), while B (six drawn layers to C's nine) trained (45.7%); on the
 *     smoke budget's 10 seeds E so started ended within 5 points of chance in all 10, B in 5. So
 *     the CIFAR budgets use Glorot for both, and the paper's initialisation is studied where claim
 *     12 needs it
 * @param seeds one run per seed for every cell
 * @param freshResults whether the results folder is emptied first (smoke checks the machinery,
 *     so it never reuses a cache)
 * @param top1ErrorCeiling a net that ends above this test error did not train: a failure of the
 *     machinery, not a finding (absent for smoke, whose nets are too small to judge)
 * @param description one line for the plan printout
 */
public record Budget(
        String name,
        DataSpec data,
        double width,
        int crop,
        int batchSize,
        int scratchEpochs,
        int fineTuneEpochs,
        LearningRateSchedule schedule,
        Initialisation randomStart,
        List<Long> seeds,
        boolean freshResults,
        Optional<Double> top1ErrorCeiling,
        String description) {

    /** The whole chain on a sliver of CIFAR-10: checks machinery, not the paper. */
    public static final Budget SMOKE = new Budget("smoke",
            new DataSpec("cifar10", 2000, 300, 500, 7), 1.0 / 8, 32, 32, 3, 1,
            new LearningRateSchedule.Milestones(List.of()), Initialisation.GLOROT, List.of(1L), true, Optional.empty(),
            "every configuration and evaluation method on 2,000 CIFAR-10 images at width 1/8");

    /**
     * The whole grid at CIFAR scale on one seed, sized to finish within an hour on 2 cores. A first
     * run at 20,000 images and 8 epochs (3 fine-tuning) trained net A at ~1,120 images/s, which
     * projected ~50 min of training for the 16 runs before any evaluation: too close to the hour on
     * a machine whose throughput varies by ±25% from minute to minute. 16,000 images for 6 epochs
     * (2 fine-tuning) is ~60% of that work.
     */
    public static final Budget QUICK = new Budget("quick",
            new DataSpec("cifar10", 16000, 2000, 2500, 7), 0.25, 32, 64, 6, 2,
            new LearningRateSchedule.Milestones(List.of(5)), Initialisation.GLOROT, List.of(1L), false,
            Optional.of(80.0), "the grid at CIFAR-10 scale, width 1/4, 16,000 training images, one seed");

    /** CIFAR scale to convergence under the paper's plateau schedule, three seeds. */
    public static final Budget FULL = new Budget("full",
            new DataSpec("cifar10", 0, 5000, 0, 7), 0.25, 32, 128, 74, 30,
            LearningRateSchedule.Plateau.paper(), Initialisation.GLOROT, List.of(1L, 2L, 3L), false, Optional.of(50.0),
            "CIFAR-10 (45,000 training images), width 1/4, plateau schedule, three seeds");

    /** The paper's own scale on an ILSVRC-2012 ImageFolder given by -Dablation.imagenet=PATH. */
    public static Budget imagenet(String imageFolder) {
        return new Budget("imagenet",
                new DataSpec("imagefolder:" + imageFolder, 0, 10000, 0, 7), 1.0, 224, 256, 74, 30,
                LearningRateSchedule.Plateau.paper(), Initialisation.PAPER_NORMAL, List.of(1L), false, Optional.empty(),
                "ILSVRC-2012 at 224 crops, width 1, batch 256 (GPU machines)");
    }

    public static final List<String> NAMES = List.of("smoke", "quick", "full", "imagenet");

    /**
     * The budget called {@code name}; {@code imagenetFolder} is needed only for "imagenet".
     *
     * @throws IllegalArgumentException naming the budget and the valid names
     */
    public static Budget named(String name, String imagenetFolder) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "smoke":
                return SMOKE;
            case "quick":
                return QUICK;
            case "full":
                return FULL;
            case "imagenet":
                if (imagenetFolder == null || imagenetFolder.isBlank()) {
                    throw new IllegalArgumentException("budget 'imagenet' needs -Dablation.imagenet=PATH "
                            + "(an ILSVRC-2012 ImageFolder with train/ and test/)");
                }
                return imagenet(imagenetFolder);
            default:
                throw new IllegalArgumentException("ablation.budget: unknown budget '" + name
                        + "', expected one of " + String.join(", ", NAMES));
        }
    }

    /**
     * This budget with the seeds of {@code -Dablation.seeds} ("1,2,3,4,5"); unchanged when blank.
     * Deriving regression bands runs a budget over several seeds this way.
     */
    public Budget withSeeds(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return this;
        }
        List<Long> parsed = new java.util.ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            try {
                parsed.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ablation.seeds: '" + part.trim() + "' is not a whole number");
            }
        }
        return new Budget(name, data, width, crop, batchSize, scratchEpochs, fineTuneEpochs, schedule, randomStart,
                List.copyOf(parsed), freshResults, top1ErrorCeiling, description);
    }

    /** This budget on other images (tests point the imagenet budget at a tiny fake ImageFolder). */
    public Budget withData(DataSpec other) {
        return new Budget(name, other, width, crop, batchSize, scratchEpochs, fineTuneEpochs, schedule, randomStart,
                seeds, freshResults, top1ErrorCeiling, description);
    }

    /** Scale of this budget's numbers, for report columns: "CIFAR-10, crop 32, width 1/4". */
    public String scaleLabel() {
        return data.dataset() + ", crop " + crop + ", width " + VggSpec.widthLabel(width);
    }

    @Override
    public String toString() {
        return name + ": " + description + " (seeds " + seeds.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")";
    }
}
