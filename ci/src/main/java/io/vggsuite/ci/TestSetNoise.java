package io.vggsuite.ci;

import io.vggsuite.results.MetricNames;
import io.vggsuite.results.RunKey;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The least spread an error rate can have between two samples of "another machine": each sample is
 * another net (another machine's floating point sends training down another path), and two nets
 * scored on the same n test images differ by the part of each image's binomial noise they do not
 * share, even when their true error rates are equal. One net's error over n images has sampling
 * variance T = p(1 − p)/n; a share ρ of it is common to every net (the images all of them find
 * hard), so the error of a new net varies about the others' by at least √((1 − ρ)·T).
 *
 * <p>Why a band needs this floor (issue 30): the smoke baseline derived on an AMD EPYC from six
 * samples measured a standard deviation of 0.78 points for net A's dense top-1 error, where
 * 500 test images alone give a between-net spread of about 1.6 points. A fresh clone on an Intel
 * Xeon (2026-12-06) then measured 74.4 against a band of [60.9, 73.4], and red in {@code mvn
 * verify}, with nothing changed but the CPU; the Xeon's own two seeds of that net gave 74.4 and 65.6.
 * Six samples can measure a spread this far below the truth (a sample standard deviation under
 * 0.37σ has probability ~2% at five degrees of freedom, so among ~85 metrics one or two do);
 * the floor keeps the band from trusting such a draw where the test set itself says otherwise.
 *
 * @param testImages the test images every banded run was scored on
 */
public record TestSetNoise(int testImages) {

    /**
     * ρ between two samples of one net: the correlation of their per-image right/wrong on the same
     * test images, which is the share of one net's sampling variance the two have in common.
     * Measured on the smoke budget's dense Q 256 predictions, seeds 1 and 2 of seven nets (Intel
     * Xeon, 2026-12-06): −0.19 to 0.40, median 0.19. The largest is used so that the floor is the
     * smallest any measured pair supports: it widens a band only where six samples are clearly too
     * few, not everywhere.
     */
    public static final double SHARED_BETWEEN_SAMPLES = 0.40;

    public TestSetNoise {
        if (testImages < 1) {
            throw new IllegalArgumentException("a test set needs at least one image, got " + testImages);
        }
    }

    /**
     * The one test-image count of the runs, when every run states the same positive count; empty
     * when they differ or a run used "all" (0), whose number its key does not say: the bands then
     * rest on the samples' spread alone, as before issue 30.
     */
    public static Optional<TestSetNoise> ofRuns(Collection<RunKey> keys) {
        Set<Integer> counts = keys.stream().map(k -> k.data().testImages()).collect(Collectors.toSet());
        if (counts.size() != 1) {
            return Optional.empty();
        }
        int count = counts.iterator().next();
        return count > 0 ? Optional.of(new TestSetNoise(count)) : Optional.empty();
    }

    /**
     * The floor of {@code metric}'s standard deviation between samples at {@code meanValue}: for a
     * top-1 or top-5 error in percent, 100·√((1 − ρ)·p(1 − p)/n) with p = meanValue/100; 0 for a
     * training loss, which is measured over the training set, not sampled from the test set.
     */
    public double floorStd(String metric, double meanValue) {
        if (!MetricNames.isTop1Error(metric) && !MetricNames.isTop5Error(metric)) {
            return 0;
        }
        double p = Math.min(1, Math.max(0, meanValue / 100));
        return 100 * Math.sqrt((1 - SHARED_BETWEEN_SAMPLES) * p * (1 - p) / testImages);
    }

    /** What a baseline's provenance says of the floor. */
    public String describe() {
        return String.format(Locale.ROOT, "each error's std floored at the test set's between-net sampling noise"
                + " 100·√((1 − ρ)·p(1 − p)/n), n = %d test images, ρ = %.2f", testImages, SHARED_BETWEEN_SAMPLES);
    }
}
