package io.vggsuite.cluster.cli;

import io.vggsuite.cluster.slurm.SlurmException;
import io.vggsuite.data.DataException;
import io.vggsuite.results.ResultsFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar cluster/target/vgg-cluster.jar submit --budget quick --results /shared/results}.
 * Exit status 0 on success, 1 when the work failed, 2 for bad arguments.
 */
@Command(name = "vgg-cluster", mixinStandardHelpOptions = true, version = "vgg-cluster 0.1.0",
        description = "Runs the ablation grid on a Slurm cluster, in containers, or on Kubernetes.",
        subcommands = {RunsCommand.class, SubmitCommand.class, StatusCommand.class, TrainRunCommand.class, FinishCommand.class,
                KubernetesCommand.class})
public final class ClusterMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        Charset charset = Charset.defaultCharset();
        return run(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ClusterMain())
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
                    if (e instanceof IllegalStateException || e instanceof SlurmException || e instanceof DataException
                            || e instanceof ResultsFileException || e instanceof IOException
                            || e instanceof UncheckedIOException) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return 1;
                    }
                    cmd.getErr().println("error: " + e);
                    e.printStackTrace(cmd.getErr());
                    return 1;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
