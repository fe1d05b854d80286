package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that name a grid and its shared results folder, common to every subcommand. */
final class GridOptions {

    @Option(names = "--budget", defaultValue = "smoke", description = "smoke, quick, full or imagenet.")
    String budget;

    @Option(names = "--imagenet", defaultValue = "", description = "ILSVRC-2012 ImageFolder (budget imagenet).")
    String imagenet;

    @Option(names = "--seeds", defaultValue = "", description = "Seeds, e.g. 1,2,3; default: the budget's.")
    String seeds;

    @Option(names = "--results", required = true,
            description = "Shared results folder, as -Dablation.results: runs go to RESULTS/<budget>/runs/.")
    Path results;

    Budget budget() {
        return Budget.named(budget, imagenet).withSeeds(seeds);
    }
}
