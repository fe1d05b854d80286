package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import picocli.CommandLine.Option;

/** The options that choose a budget and its seeds: one declaration for every subcommand that names a grid. */
final class BudgetOptions {

    @Option(names = "--budget", defaultValue = "smoke", description = "smoke, quick, cifar10-reference, cifar10-converged, full or imagenet.")
    String budget;

    @Option(names = "--imagenet", defaultValue = "", description = "ILSVRC-2012 ImageFolder (budget imagenet).")
    String imagenet;

    @Option(names = "--seeds", defaultValue = "", description = "Seeds, e.g. 1,2,3; default: the budget's.")
    String seeds;

    /** @throws IllegalArgumentException naming the budget or seed at fault */
    Budget chosen() {
        return Budget.named(budget, imagenet).withSeeds(seeds);
    }
}
