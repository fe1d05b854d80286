package io.vggsuite.train;

import io.vggsuite.model.Initialisation;
import java.util.Optional;

/** Where a run's weights come from before its first epoch (Section 3.1). */
public sealed interface Start {

    /** A short label for run ids and reports: "glorot", "paper-normal", "warm-start-A", "fine-tune". */
    String label();

    /**
     * The run whose trained weights this start reads, if any: the one rule for "which run this
     * run starts from", which the trainer (train it first), the run's key (its parent column),
     * the plan's lineage and the cluster's DAG all use.
     */
    Optional<RunSpec> parent();

    /** Random weights. */
    record FromScratch(Initialisation initialisation) implements Start {
        @Override
        public String label() {
            return initialisation.label();
        }

        @Override
        public Optional<RunSpec> parent() {
            return Optional.empty();
        }
    }

    /**
     * "we initialised the first four convolutional layers and the last three fully-connected
     * layers with the layers of net A (the intermediate layers were initialised randomly)". The
     * random layers use {@code rest}.
     */
    record WarmStartFromA(RunSpec netA, Initialisation rest) implements Start {
        /** Layers taken from net A: conv 1–4 and fc6–fc8. */
        public static final int CONV_LAYERS_COPIED = 4;

        @Override
        public String label() {
            return "warm-start-A";
        }

        @Override
        public Optional<RunSpec> parent() {
            return Optional.of(netA);
        }
    }

    /**
     * Every weight from a trained net of the same configuration: "to speed-up training of the
     * S = 384 network, it was initialised with the weights pre-trained with S = 256"; and the
     * jittered models "by fine-tuning all layers of a single-scale model with the same
     * configuration, pre-trained with fixed S = 384".
     */
    record FineTune(RunSpec from) implements Start {
        @Override
        public String label() {
            return "fine-tune";
        }

        @Override
        public Optional<RunSpec> parent() {
            return Optional.of(from);
        }
    }
}
