package io.vggsuite.cluster.local;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.RunJob;
import io.vggsuite.train.RunSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a run as its own JVM, exactly the command a Slurm job runs ({@link Launcher#trainCommand}),
 * with the layout's thread count pinned. Its output goes to {@code <results>/local/<run id>.log}
 * (appended: a resumed run keeps its first attempt's lines), and its per-epoch lines, each naming
 * its run, are echoed so that runs side by side stay readable in one terminal or CI log.
 */
public final class ProcessLaunch implements LocalGrid.Launch {

    /** Subfolder of the budget's results folder with the runs' logs. */
    public static final String FOLDER = "local";

    private final Launcher launcher;
    private final Resources resources;
    private final Budget budget;
    private final Path resultsParent;
    private final PrintStream out;

    public ProcessLaunch(Launcher launcher, Resources resources, Budget budget, Path resultsParent, PrintStream out) {
        this.launcher = launcher;
        this.resources = resources;
        this.budget = budget;
        this.resultsParent = resultsParent.toAbsolutePath().normalize();
        this.out = out;
    }

    /** The log of {@code runId}. */
    public Path log(String runId) {
        return RunJob.resultsOf(budget, resultsParent).resolve(FOLDER).resolve(runId + ".log");
    }

    @Override
    public CompletableFuture<Integer> start(RunSpec spec, int threads) {
        List<String> command = launcher.trainCommand(resources.withCpus(threads), budget, resultsParent, spec.runId());
        Path log = log(spec.runId());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(launcher.environment());
            builder.environment().putAll(Launcher.pinned(resources.withCpus(threads)));
            Process process = builder.start();
            // A thread of its own per run, not a shared pool: a copier that waits for a pool thread
            // leaves its process blocked on a full pipe.
            CompletableFuture<Void> copied = new CompletableFuture<>();
            Thread copier = new Thread(() -> {
                try {
                    copy(process, log);
                    copied.complete(null);
                } catch (RuntimeException e) {
                    copied.completeExceptionally(e);
                }
            }, "log-" + spec.runId());
            copier.setDaemon(true);
            copier.start();
            return process.onExit().thenCombine(copied, (p, ignored) -> p.exitValue());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("could not start " + spec.runId()
                    + " (" + String.join(" ", command) + ")", e));
        }
    }

    private void copy(Process process, Path log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (line.contains(" epoch ")) {
                    synchronized (out) {
                        out.println(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + log, e);
        }
    }
}
