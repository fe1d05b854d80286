package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.slurm.Slurm;
import io.vggsuite.cluster.slurm.SlurmGrid;
import io.vggsuite.train.DataCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Submits a budget's grid to Slurm; what is complete or queued is not submitted again. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a budget's grid to Slurm: one job per run, afterok edges along the DAG.")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    GridOptions grid;

    @Mixin
    SlurmOptions slurm;

    @Option(names = "--finish-in", description = "A checkout on the shared file system: also submit the "
            + "finishing job (evaluation, claims, report) there, after every run.")
    Path projectRoot;

    @Override
    public Integer call() {
        Budget budget = grid.budget();
        SlurmGrid slurmGrid = new SlurmGrid(Grid.of(budget, new DataCatalog()), grid.results,
                slurm.resources(budget), Launcher.of(slurm.jar(), System.getenv()), Slurm.forCurrentUser());
        PrintWriter out = command.commandLine().getOut();
        int submitted = 0;
        for (SlurmGrid.Decision d : slurmGrid.submit(Optional.ofNullable(projectRoot))) {
            out.printf(Locale.ROOT, "%-48s %-15s %s%s%n", d.runId(), d.action().name().toLowerCase(Locale.ROOT),
                    d.jobId().map(id -> "job " + id).orElse(""),
                    d.afterOk().isEmpty() ? "" : " after " + String.join(",", d.afterOk()));
            submitted += d.action() == SlurmGrid.Action.SUBMITTED ? 1 : 0;
        }
        out.println(submitted + " jobs submitted; results in " + slurmGrid.results());
        return 0;
    }
}
