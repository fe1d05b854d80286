package io.vggsuite.results;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a net that learned nothing scores on a data set of {@code classes} classes: the yardstick of
 * "did it train?", used by the claims' judge (a net within {@link #MARGIN_POINTS} of chance did not
 * train) and by the baseline derivation (a metric split into a cluster at chance and one clear of
 * it is a net that learned under some numerics and stalled under others, issue 30).
 *
 * @param classes the data set's class count, two or more
 */
public record ChanceLevel(int classes) {

    /** Points of top-1 (or top-5) error under chance a net must reach to count as trained. */
    public static final double MARGIN_POINTS = 5.0;

    public ChanceLevel {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs two or more classes, got " + classes);
        }
    }

    /**
     * The chance level of a data set named as in {@link RunKey.Data#dataset()}: CIFAR-10 and
     * Fashion-MNIST have 10 classes; an image folder's count is its number of folders, which its
     * name does not say (empty).
     */
    public static Optional<ChanceLevel> ofDataset(String dataset) {
        return "cifar10".equals(dataset) || "fashion-mnist".equals(dataset)
                ? Optional.of(new ChanceLevel(10))
                : Optional.empty();
    }

    /** The one chance level of the runs' data sets; empty if they differ or one is unknown. */
    public static Optional<ChanceLevel> ofRuns(Collection<RunKey> keys) {
        Set<Optional<ChanceLevel>> levels = keys.stream().map(k -> ofDataset(k.data().dataset()))
                .collect(Collectors.toSet());
        return levels.size() == 1 ? levels.iterator().next() : Optional.empty();
    }

    /** Top-1 error of a guess: 100·(1 − 1/C). */
    public double top1Error() {
        return 100.0 * (1 - 1.0 / classes);
    }

    /** Top-5 error of a guess: 100·(1 − 5/C), 0 below six classes. */
    public double top5Error() {
        return 100.0 * (1 - Math.min(5, classes) / (double) classes);
    }

    /** Cross-entropy of the uniform prediction: ln C. */
    public double loss() {
        return Math.log(classes);
    }

    /** The chance value of a baseline metric ({@link MetricNames}); empty for one that is neither an error nor a loss. */
    public OptionalDouble of(String metric) {
        return MetricNames.isLoss(metric) ? OptionalDouble.of(loss())
                : MetricNames.isTop1Error(metric) ? OptionalDouble.of(top1Error())
                : MetricNames.isTop5Error(metric) ? OptionalDouble.of(top5Error())
                : OptionalDouble.empty();
    }
}
