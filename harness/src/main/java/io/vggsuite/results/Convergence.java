package io.vggsuite.results;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Had a run finished learning when it stopped? Read from its per-epoch curve with the paper's own
 * test (Section 3.1: the learning rate "was decreased by a factor of 10 when the validation set
 * accuracy stopped improving", and training stopped after the third decrease): a run whose final
 * learning-rate phase had set a new best validation error within the last {@link #PLATEAU_PATIENCE}
 * epochs is one the paper's rule would have trained on. A comparison of such runs measures how
 * fast the nets learn, not what they can reach (issue 34: at 16 epochs the reference nets' depth
 * order followed their final training loss).
 *
 * <p>It replays {@code train.LearningRateSchedule}'s plateau rule: "better" means better than the
 * best validation error of the whole run so far, and the count of epochs without one starts again
 * at each decrease, so only the final phase's epochs are counted. (Until 2026-12-07 this check
 * compared the final phase with its own best, so a run the rule had just stopped, whose last two
 * epochs at the last rate were no better than an earlier best, read "still improving".)
 *
 * @param lastEpoch the last epoch recorded
 * @param phaseStart the first epoch at the final learning rate
 * @param epochsSinceBest epochs of the final phase without a validation top-1 error better than the
 *     run's best before them
 * @param validationChangePerEpoch mean change of validation top-1 error per epoch over the last
 *     {@link #WINDOW} epoch-to-epoch steps (fewer where the run has fewer), points; negative while it
 *     improves
 */
public record Convergence(int lastEpoch, int phaseStart, int epochsSinceBest, double validationChangePerEpoch) {

    /**
     * Epochs without a better validation error after which the plateau rule divides the rate: the
     * paper does not state it; 2 is the suite's choice, and {@code LearningRateSchedule.Plateau.paper()}
     * reads it from here so that training and this check agree.
     */
    public static final int PLATEAU_PATIENCE = 2;

    /** Epoch-to-epoch steps over which the change per epoch is averaged: enough to see through one noisy epoch. */
    public static final int WINDOW = 3;

    /** The convergence of a run's curve; empty below two epochs with a finite validation error. */
    public static Optional<Convergence> of(List<EpochRecord> epochs) {
        List<EpochRecord> finite = epochs.stream().filter(e -> Double.isFinite(e.validationTop1Error())).toList();
        if (finite.size() < 2) {
            return Optional.empty();
        }
        EpochRecord last = finite.get(finite.size() - 1);
        int phaseFrom = finite.size() - 1;
        while (phaseFrom > 0 && finite.get(phaseFrom - 1).learningRate() == last.learningRate()) {
            phaseFrom--;
        }
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int i = 0; i < finite.size(); i++) {
            boolean better = finite.get(i).validationTop1Error() < best;
            best = Math.min(best, finite.get(i).validationTop1Error());
            if (i >= phaseFrom) {
                sinceBest = better ? 0 : sinceBest + 1;
            }
        }
        int span = Math.min(WINDOW, finite.size() - 1);
        EpochRecord from = finite.get(finite.size() - 1 - span);
        double change = (last.validationTop1Error() - from.validationTop1Error()) / (last.epoch() - from.epoch());
        return Optional.of(new Convergence(last.epoch(), finite.get(phaseFrom).epoch(), sinceBest, change));
    }

    /**
     * The last epoch trained at the run's starting learning rate, where the rate was lowered after
     * it; empty for a run that never lowered it. With the plateau rule this is when validation
     * error first stopped improving for {@link #PLATEAU_PATIENCE} epochs: the end of the phase in
     * which most of the learning happens (Section 3.1), and a moment that validation noise can move.
     */
    public static OptionalInt lastEpochAtStartingRate(List<EpochRecord> epochs) {
        if (epochs.isEmpty()) {
            return OptionalInt.empty();
        }
        double starting = epochs.get(0).learningRate();
        for (int i = 1; i < epochs.size(); i++) {
            // Rates are read back from CSV as floats widened to double: a decrease is a factor, not ulps.
            if (epochs.get(i).learningRate() < starting * 0.5) {
                return OptionalInt.of(epochs.get(i - 1).epoch());
            }
        }
        return OptionalInt.empty();
    }

    /** The paper's plateau rule would have kept training at the final rate. */
    public boolean stillImproving() {
        return epochsSinceBest < PLATEAU_PATIENCE;
    }

    /** "−0.42/epoch, still improving" or "+0.05/epoch, plateau for 3 epochs": the runs table's cell. */
    public String describe() {
        String change = String.format(Locale.ROOT, "%+.2f/epoch", validationChangePerEpoch);
        return stillImproving()
                ? change + ", still improving"
                : change + ", no better for " + epochsSinceBest + " epochs";
    }
}
