package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.kubernetes.KubernetesManifests;
import io.vggsuite.results.AtomicFiles;
import io.vggsuite.train.DataCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the grid's Kubernetes manifests. */
@Command(name = "kubernetes", mixinStandardHelpOptions = true,
        description = "Write the grid as Kubernetes Jobs (one per run, children waiting for their parent) "
                + "with a ReadWriteMany results claim.")
final class KubernetesCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    BudgetOptions budgetOptions;

    @Mixin
    SlurmOptions resources;

    @Option(names = "--image", required = true, description = "The cell image by digest: NAME@sha256:….")
    String image;

    @Option(names = "--data-claim", defaultValue = "vgg-data",
            description = "An existing claim holding the datasets (mounted read-only at /data).")
    String dataClaim;

    @Option(names = "--results-storage", defaultValue = "20Gi", description = "Size of the results claim.")
    String storage;

    @Option(names = "--out", required = true, description = "The YAML file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Budget chosen = budgetOptions.chosen();
        Resources r = resources.resources(chosen);
        KubernetesManifests manifests = new KubernetesManifests(Grid.of(chosen, new DataCatalog()), r, image,
                dataClaim, storage);
        Path file = out.toAbsolutePath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        AtomicFiles.write(file, w -> w.write(manifests.yaml()));
        command.commandLine().getOut().println("wrote " + manifests.objects().size() + " objects to " + file);
        return 0;
    }
}
