package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that name a grid and its shared results folder, common to every subcommand. */
final class GridOptions {

    @Mixin
    BudgetOptions budgetOptions;

    @Option(names = "--results", required = true,
            description = "Shared results folder, as -Dablation.results: runs go to RESULTS/<budget>/runs/.")
    Path results;

    @Mixin
    DataSizeOptions sizes;

    Budget budget() {
        return sizes.applyTo(budgetOptions.chosen());
    }
}
