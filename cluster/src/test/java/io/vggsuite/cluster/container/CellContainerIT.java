package io.vggsuite.cluster.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.RunJob;
import io.vggsuite.cluster.TestFolders;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * One smoke cell in the suite's container image (base built locally by
 * {@code cluster/container/build-base.sh}, pinned by its image ID) equals the same cell on the
 * host bit for bit: data mounted read-only, results read-write.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("A smoke cell in the pinned container")
class CellContainerIT {

    static final String BASE_TAG = "vgg-suite/base:bookworm-jre17";
    static final String CELL_TAG = "vgg-suite/cell:test";

    @Test
    @DisplayName("net A at S = 256 trained in the container has the host's CSV numbers and weights, and records the image ID")
    void containerCellEqualsHostCellBitForBit(TestReporter reporter) throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        String baseId;
        try {
            baseId = docker.inspectImageCmd(BASE_TAG).exec().getId();
        } catch (NotFoundException e) {
            assumeTrue(false, "no base image " + BASE_TAG + " here; build it with cluster/container/build-base.sh"
                    + " (.ci/run does)");
            return;
        }
        String data = dataDir();
        Budget budget = TestFolders.itBudget();
        DataCatalog catalog = new DataCatalog();
        RunSpec cell = Grid.of(budget, catalog).runs().get(0);
        Path base = Path.of("target", "it", "container").toAbsolutePath();
        TestFolders.deleteRecursively(base);
        Path host = base.resolve("host");
        Path inContainer = base.resolve("container");
        Files.createDirectories(inContainer);

        Instant begin = Instant.now();
        RunTrainer.into(RunJob.resultsOf(budget, host), catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget(budget.name()))
                .train(cell);
        Duration hostWall = Duration.between(begin, Instant.now());

        begin = Instant.now();
        Path target = Path.of(System.getProperty("cluster.jar")).getParent();
        String cellTag = new ImageFromDockerfile(CELL_TAG, false)
                .withFileFromPath("Dockerfile", Path.of(System.getProperty("cluster.dockerfile")))
                .withFileFromPath("vgg-cluster.jar", target.resolve("vgg-cluster.jar"))
                .withFileFromPath("lib", target.resolve("lib"))
                .withBuildArg("BASE", baseId)
                .get();
        String cellId = docker.inspectImageCmd(cellTag).exec().getId();
        Duration buildWall = Duration.between(begin, Instant.now());

        begin = Instant.now();
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(cellTag))
                .withFileSystemBind(data, "/data", BindMode.READ_ONLY)
                .withFileSystemBind(inContainer.toString(), "/results", BindMode.READ_WRITE)
                .withEnv(RunJob.CONTAINER_IMAGE_ENV, cellId)
                .withCommand(command(budget, cell))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(20)))) {
            container.start();
            reporter.publishEntry("container log", container.getLogs());
        }
        Duration containerWall = Duration.between(begin, Instant.now());
        reporter.publishEntry("wall time", "host " + hostWall.toSeconds() + " s, image build " + buildWall.toSeconds()
                + " s, container run " + containerWall.toSeconds() + " s; base " + baseId + ", cell " + cellId);

        RunFolder theirs = RunFolder.at(RunJob.resultsOf(budget, host), cell.runId());
        RunFolder mine = RunFolder.at(RunJob.resultsOf(budget, inContainer), cell.runId());
        assertEquals(RunStatus.COMPLETE, mine.status());
        assertEquals(TestFolders.epochNumbers(theirs.dir().resolve(RunFolder.EPOCHS_FILE)), TestFolders.epochNumbers(mine.dir().resolve(RunFolder.EPOCHS_FILE)));
        assertArrayEquals(Files.readAllBytes(theirs.dir().resolve("model.params")),
                Files.readAllBytes(mine.dir().resolve("model.params")), "model.params");
        assertEquals(cellId, mine.provenance().orElseThrow().get(RunJob.CONTAINER_IMAGE_KEY).orElse("absent"),
                "provenance records the image ID");
    }

    private static String[] command(Budget budget, RunSpec cell) {
        List<String> command = new ArrayList<>(List.of("train-run", "--budget", budget.name(), "--results", "/results",
                "--run-id", cell.runId()));
        command.addAll(TestFolders.dataOptions(budget));
        return command.toArray(String[]::new);
    }

    /** The data folder this JVM uses, mounted read-only into the container. */
    private static String dataDir() {
        String property = System.getProperty("vgg.data.dir", "");
        String folder = !property.isBlank() ? property : System.getenv().getOrDefault("VGG_DATA_DIR", "");
        assumeTrue(!folder.isBlank(), "neither -Dvgg.data.dir nor VGG_DATA_DIR names the data folder to mount");
        return Path.of(folder).toAbsolutePath().normalize().toString();
    }
}
