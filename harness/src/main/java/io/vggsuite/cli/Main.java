package io.vggsuite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar harness/target/vgg-harness.jar train --config D --scale jitter --width 0.25 --epochs 20}.
 * Exit status 0 on success, 1 when the run failed or diverged, 2 for bad arguments.
 */
@Command(
        name = "vgg-harness",
        mixinStandardHelpOptions = true,
        version = "vgg-harness 0.1.0",
        description = "Trains and evaluates one configuration of Simonyan & Zisserman (2015).",
        subcommands = {TrainCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setParameterExceptionHandler(Main::oneLineError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return 2;
                    }
                    // Not the user's fault: say what failed and where, for a bug report.
                    cmd.getErr().println("error: " + e);
                    e.printStackTrace(cmd.getErr());
                    return 1;
                });
        return commandLine.execute(args);
    }

    private static int oneLineError(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
        return 2;
    }
}
