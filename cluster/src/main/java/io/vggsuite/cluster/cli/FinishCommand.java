package io.vggsuite.cluster.cli;

import io.vggsuite.cluster.FinishStep;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the command that produces the evaluation, claims and report from the shared folder. */
@Command(name = "finish", mixinStandardHelpOptions = true,
        description = "Print the Maven command (run it in a checkout) that evaluates the finished grid and "
                + "writes the claims and the report, exactly as a local run does.")
final class FinishCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    GridOptions grid;

    @Override
    public Integer call() {
        command.commandLine().getOut().println(String.join(" ", FinishStep.mavenCommand(grid.budget(), grid.results)));
        return 0;
    }
}
