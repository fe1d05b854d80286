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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the grid's runs, parents first: what a loop of containers or any other scheduler needs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the run ids of a budget's grid, parents first, with each run's level and parent.")
final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--budget", defaultValue = "smoke", description = "smoke, quick, full or imagenet.")
    String budget;

    @Option(names = "--imagenet", defaultValue = "", description = "ILSVRC-2012 ImageFolder (budget imagenet).")
    String imagenet;

    @Option(names = "--seeds", defaultValue = "", description = "Seeds, e.g. 1,2,3; default: the budget's.")
    String seeds;

    @Option(names = "--ids", description = "Only the run ids, one a line (for shell loops).")
    boolean idsOnly;

    @Override
    public Integer call() {
        Budget chosen = Budget.named(budget, imagenet).withSeeds(seeds);
        PrintWriter out = command.commandLine().getOut();
        for (RunSpec spec : Grid.of(chosen, new DataCatalog()).runs()) {
            if (idsOnly) {
                out.println(spec.runId());
            } else {
                out.printf(Locale.ROOT, "level %d  %-44s %s%n", Grid.level(spec), spec.runId(),
                        Grid.parent(spec).map(p -> "after " + p.runId()).orElse(""));
            }
        }
        return 0;
    }
}
