package io.vggsuite.cluster.cli;

import io.vggsuite.cluster.RunJob;
import io.vggsuite.train.Progress;
import io.vggsuite.train.TrainedRun;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What one scheduler job runs: exactly one run of the grid, by its run id. */
@Command(name = "train-run", mixinStandardHelpOptions = true,
        description = "Train one run of a budget's grid (its parent must be complete) into the shared folder.")
final class TrainRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    GridOptions grid;

    @Option(names = "--run-id", required = true, description = "A run id of the grid, e.g. A-S256-glorot-s1-….")
    String runId;

    @Override
    public Integer call() throws Exception {
        TrainedRun run = RunJob.train(grid.budget(), grid.results, runId, System.getenv(), Progress.lines(System.out));
        command.commandLine().getOut().println("run " + runId + " "
                + run.outcome().name().toLowerCase(Locale.ROOT) + " in " + run.folder().dir());
        return run.diverged() ? 1 : 0;
    }
}
