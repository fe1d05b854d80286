package io.vggsuite.cluster.cli;

import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.local.ThroughputProbe;
import io.vggsuite.train.DataCatalog;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What one probe process of {@code local --processes auto} runs; writes nothing to the results folder. */
@Command(name = "probe-run", mixinStandardHelpOptions = true,
        description = "Measure how fast a run of the grid trains, fed by its input pipeline, over a window of wall time.")
final class ProbeRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    GridOptions grid;

    @Option(names = "--run-id", required = true, description = "A run id of the grid.")
    String runId;

    @Option(names = "--warmup-seconds", defaultValue = "20", description = "Steps before the window.")
    long warmup;

    @Option(names = "--measured-seconds", defaultValue = "30", description = "The window.")
    long measured;

    @Option(names = "--tail-seconds", defaultValue = "10", description = "Steps after it, while others finish theirs.")
    long tail;

    @Override
    public Integer call() {
        DataCatalog data = new DataCatalog();
        double rate = ThroughputProbe.measure(Grid.of(grid.budget(), data), data, runId,
                new ThroughputProbe.Window(Duration.ofSeconds(warmup), Duration.ofSeconds(measured),
                        Duration.ofSeconds(tail)));
        command.commandLine().getOut().println(ThroughputProbe.resultLine(rate));
        return 0;
    }
}
