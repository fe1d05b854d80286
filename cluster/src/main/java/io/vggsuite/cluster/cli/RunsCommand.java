package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the grid's runs, parents first: what a loop of containers or any other scheduler needs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the run ids of a budget's grid, parents first, with each run's level and parent.")
final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    BudgetOptions budgetOptions;

    @Mixin
    DataSizeOptions sizes;

    @Option(names = "--ids", description = "Only the run ids, one a line (for shell loops).")
    boolean idsOnly;

    @Override
    public Integer call() {
        Budget chosen = sizes.applyTo(budgetOptions.chosen());
        PrintWriter out = command.commandLine().getOut();
        for (RunSpec spec : Grid.of(chosen, new DataCatalog()).runs()) {
            if (idsOnly) {
                out.println(spec.runId());
            } else {
                out.printf(Locale.ROOT, "level %d  %-44s %s%n", Grid.level(spec), spec.runId(),
                        spec.start().parent().map(p -> "after " + p.runId()).orElse(""));
            }
        }
        return 0;
    }
}
