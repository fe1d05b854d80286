package io.vggsuite.train;

import java.util.List;

/**
 * When the learning rate falls. Section 3.1: "the learning rate was initially set to 10⁻², and
 * then decreased by a factor of 10 when the validation set accuracy stopped improving. In total,
 * the learning rate was decreased 3 times, and the learning was stopped after 370K iterations (74
 * epochs)."
 */
public sealed interface LearningRateSchedule {

    /** The factor of each decrease (Section 3.1). */
    float DECREASE_FACTOR = 10f;

    /** What the schedule decides after an epoch. */
    record Decision(float learningRate, boolean stop) {}

    /** The paper's rule: divide by 10 after {@code patience} epochs without a better validation error. */
    record Plateau(int patience, int maxDecreases) implements LearningRateSchedule {
        public Plateau {
            if (patience < 1) {
                throw new IllegalArgumentException("plateau patience must be ≥ 1, got " + patience);
            }
            if (maxDecreases < 0) {
                throw new IllegalArgumentException("plateau maxDecreases must be ≥ 0, got " + maxDecreases);
            }
        }

        /**
         * The paper's schedule; patience is not stated there, 2 epochs is our choice, owned by
         * {@link io.vggsuite.results.Convergence#PLATEAU_PATIENCE} so that the report's "still
         * improving" flag asks what this rule would have done.
         */
        public static Plateau paper() {
            return new Plateau(io.vggsuite.results.Convergence.PLATEAU_PATIENCE, 3);
        }
    }

    /** For short budgets: divide by 10 at fixed epochs (1-based: after epoch e, the rate falls). */
    record Milestones(List<Integer> epochs) implements LearningRateSchedule {
        public Milestones {
            epochs = List.copyOf(epochs);
            for (int e : epochs) {
                if (e < 1) {
                    throw new IllegalArgumentException("milestone epochs must be ≥ 1, got " + e);
                }
            }
        }
    }

    /**
     * The state the schedule carries between epochs; part of every checkpoint.
     *
     * @param learningRate the rate for the next epoch
     * @param decreases how many times it has fallen
     * @param bestValidationError the best validation top-1 error so far (percent)
     * @param epochsSinceBest epochs since that best
     */
    record State(float learningRate, int decreases, double bestValidationError, int epochsSinceBest) {
        public static State initial(float learningRate) {
            return new State(learningRate, 0, Double.POSITIVE_INFINITY, 0);
        }
    }

    /** Updates the state after {@code epoch} (1-based) ended with {@code validationError}. */
    default State next(State state, int epoch, double validationError) {
        boolean improved = validationError < state.bestValidationError();
        double best = improved ? validationError : state.bestValidationError();
        int since = improved ? 0 : state.epochsSinceBest() + 1;
        if (this instanceof Plateau plateau) {
            if (since >= plateau.patience()) {
                return new State(state.learningRate() / DECREASE_FACTOR, state.decreases() + 1, best, 0);
            }
        } else if (this instanceof Milestones milestones && milestones.epochs().contains(epoch)) {
            return new State(state.learningRate() / DECREASE_FACTOR, state.decreases() + 1, best, since);
        }
        return new State(state.learningRate(), state.decreases(), best, since);
    }

    /** The paper stopped once a further decrease was due after the third. */
    default boolean exhausted(State state) {
        return this instanceof Plateau plateau && state.decreases() > plateau.maxDecreases();
    }
}
