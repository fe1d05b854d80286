package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.slurm.Slurm;
import io.vggsuite.cluster.slurm.SlurmGrid;
import io.vggsuite.train.DataCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Each run's state from the shared folder and Slurm. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each run of the grid: queued, running (with its epoch), complete or failed (with why).")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    GridOptions grid;

    @Override
    public Integer call() {
        Budget budget = grid.budget();
        SlurmGrid slurmGrid = new SlurmGrid(Grid.of(budget, new DataCatalog()), grid.results,
                Resources.forBudget(budget), new Launcher(Path.of("java"), Path.of("unused.jar"), Map.of()),
                Slurm.forCurrentUser());
        PrintWriter out = command.commandLine().getOut();
        int complete = 0;
        var states = slurmGrid.status();
        for (SlurmGrid.RunState s : states) {
            out.printf(Locale.ROOT, "%-48s %-13s epoch %d/%d %s %s%n", s.runId(),
                    s.state().name().toLowerCase(Locale.ROOT), s.epochsDone(), s.maxEpochs(),
                    s.jobId().map(id -> "job " + id).orElse(""), s.detail());
            complete += s.state() == SlurmGrid.State.COMPLETE || s.state() == SlurmGrid.State.DIVERGED ? 1 : 0;
        }
        out.println(complete + " of " + states.size() + " runs finished; results in " + slurmGrid.results());
        return 0;
    }
}
