package io.vggsuite.cli;

import io.vggsuite.data.DataException;
import io.vggsuite.results.ResultsFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar harness/target/vgg-harness.jar train --config D --scale jitter --width 0.25 --epochs 20}.
 * Exit status 0 on success, 1 when the run failed or diverged, 2 for bad arguments. Bad arguments,
 * bad data and failed reads or writes (a full disk, a run locked by another process) are one line
 * on standard error; anything else is a bug and comes with its stack trace.
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
        Charset charset = Charset.defaultCharset();
        return run(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args);
    }

    /** As {@link #run(String...)}, writing to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Main::oneLineError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return 2;
                    }
                    if (e instanceof DataException || e instanceof ResultsFileException
                            || e instanceof IOException || e instanceof UncheckedIOException) {
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

    private static int oneLineError(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
        return 2;
    }

    /** "cannot write X: No space left on device": the message, then each cause's that adds to it. */
    private static String withCauses(Throwable e) {
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
