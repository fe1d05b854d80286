package io.vggsuite.ci;

/**
 * One sample of "another machine" for a cross-machine band: one seed trained under one numeric
 * perturbation, such as PyTorch's intra-op thread count or oneDNN's instruction-set cap
 * ({@code "threads=1,isa=AVX2"}), each of which sends floating point down another path as another
 * CPU would. {@link #DEFAULT_PERTURBATION} is the build's own settings, how {@code mvn verify} runs.
 *
 * @param seed the run's seed
 * @param perturbation the label of the perturbation it ran under, as the derivation script names it
 */
public record Sample(long seed, String perturbation) {

    /** The perturbation of a build run with no flags: PyTorch's own thread count, the pom's ISA cap. */
    public static final String DEFAULT_PERTURBATION = "default";

    public Sample {
        if (perturbation.isBlank()) {
            throw new IllegalArgumentException("a perturbation needs a label; the build's own settings are '"
                    + DEFAULT_PERTURBATION + "'");
        }
    }

    /** "seed 2 under threads=1,isa=AVX2": how an error message names the sample. */
    @Override
    public String toString() {
        return "seed " + seed + " under " + perturbation;
    }
}
