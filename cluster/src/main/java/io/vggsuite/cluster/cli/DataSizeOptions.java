package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.train.DataSpec;
import picocli.CommandLine.Option;

/** Options that train a budget's grid on fewer (or more) images: another grid, with other run ids. */
final class DataSizeOptions {

    @Option(names = "--train-images", description = "Training images; default: the budget's (a grid on fewer "
            + "images is another grid, with other run ids).")
    Integer trainImages;

    @Option(names = "--validation-images", description = "Validation images; default: the budget's.")
    Integer validationImages;

    @Option(names = "--test-images", description = "Test images; default: the budget's.")
    Integer testImages;

    /** {@code named} with the sizes given here in place of its own. */
    Budget applyTo(Budget named) {
        DataSpec d = named.data();
        return named.withData(d.withTrainImages(trainImages != null ? trainImages : d.trainImages())
                .withValidationImages(validationImages != null ? validationImages : d.validationImages())
                .withTestImages(testImages != null ? testImages : d.testImages()));
    }
}
