package io.vggsuite.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
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

    /** As {@link #run(String...)}, writing to {@code out} and {@code err}; statuses as {@link CommandLines} says. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.execute(new Main(), out, err, List.of(), args);
    }
}
