package io.vggsuite.cli;

import io.vggsuite.data.DataException;
import io.vggsuite.results.ResultsFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * What every command line of the suite ({@code vgg-harness}, {@code vgg-cluster}) does with its
 * arguments and failures, in one place: exit status 0 on success, 2 for bad arguments (a one-line
 * error naming the option or value, then "see --help"), 1 when the work failed for a reason the
 * user can act on (bad data, an unreadable results file, I/O: the message with its causes, no
 * stack trace), and 1 with a stack trace for anything else, which is a bug to report.
 */
public final class CommandLines {

    /** Failures that are the environment's or the user's, whatever the command. */
    private static final List<Class<? extends Exception>> WORK_FAILURES =
            List.of(DataException.class, ResultsFileException.class, IOException.class, UncheckedIOException.class);

    private CommandLines() {}

    /**
     * Runs {@code command} on {@code args}, writing to {@code out} and {@code err}.
     *
     * @param moreWorkFailures exceptions this command line also reports as a failed piece of work
     *     rather than a bug (the cluster's: a Slurm command that failed, a grid in a bad state)
     * @return the exit status
     */
    public static int execute(Object command, PrintWriter out, PrintWriter err,
            List<Class<? extends Exception>> moreWorkFailures, String... args) {
        CommandLine commandLine = new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return 2;
                    }
                    if (isAny(e, WORK_FAILURES) || isAny(e, moreWorkFailures)) {
                        cmd.getErr().println("error: " + withCauses(e));
                        return 1;
                    }
                    // Not the user's fault: say what failed and where, for a bug report.
                    cmd.getErr().println("error: " + e);
                    e.printStackTrace(cmd.getErr());
                    return 1;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static boolean isAny(Exception e, List<Class<? extends Exception>> types) {
        return types.stream().anyMatch(type -> type.isInstance(e));
    }

    /** "cannot write X: No space left on device": the message, then each cause's that adds to it. */
    static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString().replace('\n', ' ');
    }
}
