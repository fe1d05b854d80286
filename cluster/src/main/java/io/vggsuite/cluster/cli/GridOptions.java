package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.train.DataSpec;
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

    @Option(names = "--train-images", description = "Training images; default: the budget's (a grid on fewer "
            + "images is another grid, with other run ids).")
    Integer trainImages;

    @Option(names = "--validation-images", description = "Validation images; default: the budget's.")
    Integer validationImages;

    @Option(names = "--test-images", description = "Test images; default: the budget's.")
    Integer testImages;

    Budget budget() {
        Budget named = budgetOptions.chosen();
        DataSpec d = named.data();
        return named.withData(d.withTrainImages(trainImages != null ? trainImages : d.trainImages())
                .withValidationImages(validationImages != null ? validationImages : d.validationImages())
                .withTestImages(testImages != null ? testImages : d.testImages()));
    }
}
