package io.vggsuite.cluster.cli;

import io.vggsuite.cli.CommandLines;
import io.vggsuite.cluster.slurm.SlurmException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code java -jar cluster/target/vgg-cluster.jar submit --budget quick --results /shared/results}.
 * Exit status 0 on success, 1 when the work failed, 2 for bad arguments.
 */
@Command(name = "vgg-cluster", mixinStandardHelpOptions = true, version = "vgg-cluster 0.1.0",
        description = "Runs the ablation grid on a Slurm cluster, in containers, on Kubernetes, or side by side on this machine.",
        subcommands = {RunsCommand.class, SubmitCommand.class, StatusCommand.class, TrainRunCommand.class, FinishCommand.class,
                LocalCommand.class, ProbeRunCommand.class,
                KubernetesCommand.class})
public final class ClusterMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        Charset charset = Charset.defaultCharset();
        return run(new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), args);
    }

    /**
     * Exit statuses as {@link CommandLines} says; a failed Slurm command and a grid in a state that
     * forbids the step (IllegalStateException) are failures of the work, not bugs.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.execute(new ClusterMain(), out, err, List.of(SlurmException.class,
                IllegalStateException.class), args);
    }
}
