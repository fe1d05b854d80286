package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder that cannot be written is refused before training starts; a disk that fills up
 * during a run fails at the first write that does not fit, with one line naming the file and the
 * cause, and leaves every earlier result as it was.
 */
@Tag("reliability")
class UnwritableResultsTest {

    @TempDir
    Path scratch;

    private Path data;

    @BeforeEach
    void writeImages() throws IOException {
        data = scratch.resolve("data");
        TinyBudget.writeImages(data);
    }

    private List<String> train(Path results, int seed) {
        return List.of("train", "--config", "A", "--width", TinyNets.WIDTH_ARGUMENT, "--epochs", "2", "--batch", "10",
                "--seed", Integer.toString(seed), "--dataset", "imagefolder:" + data, "--validation-images", "20",
                "--eval", "centre-crop", "--results", results.toString());
    }

    @Test
    void aReadOnlyResultsFolderIsRefusedBeforeTrainingStarts() throws Exception {
        Path readOnly = Files.createDirectories(scratch.resolve("read-only"));
        boolean mounted = Mounts.canMount();
        if (mounted) {
            Mounts.tmpfs(readOnly, 1 << 20, "ro"); // root ignores permissions, not a read-only mount
        } else {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            Path results = readOnly.resolve("results");
            CliOutcome outcome = CliOutcome.run(train(results, 1));

            assertEquals(2, outcome.status(), outcome.err());
            assertEquals(1, outcome.errorLines().size(), outcome.err());
            assertTrue(outcome.err().contains("--results") && outcome.err().contains("not writable"), outcome.err());
            assertFalse(Files.exists(results));
        } finally {
            if (mounted) {
                Mounts.unmount(readOnly);
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aResultsPathThatIsAFileIsRefusedBeforeTrainingStarts() throws IOException {
        Path file = Files.writeString(scratch.resolve("results"), "not a folder");
        CliOutcome outcome = CliOutcome.run(train(file.resolve("sub"), 1));

        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("--results") && outcome.err().contains("not a folder"), outcome.err());
    }

    @Test
    void aDiskThatFillsUpFailsAtTheFirstWriteThatDoesNotFitAndKeepsEarlierResults() throws Exception {
        assumeTrue(Mounts.canMount(), "needs root for a small tmpfs");
        // An earlier run, complete, on an ordinary disk: measured, then copied onto a small disk
        // with room for the next run's small files but not for its first checkpoint.
        Path earlier = scratch.resolve("earlier");
        assertEquals(0, CliOutcome.run(train(earlier, 1)).status());
        RunFolder done = ResultsRoot.at(earlier).runs().get(0);
        long checkpoint = Files.size(ResultsIntegrity.checkpoints(done).get(0));
        long pages = 0;
        for (Path file : files(earlier)) {
            pages += (Files.size(file) + 4095) / 4096;
        }
        Path small = Files.createDirectories(scratch.resolve("small"));
        Mounts.tmpfs(small, (pages + 8) * 4096 + checkpoint / 2);
        try {
            copy(earlier, small);
            Map<Path, byte[]> before = contents(small);

            CliOutcome outcome = CliOutcome.run(train(small, 2));

            assertEquals(1, outcome.status(), outcome.err());
            assertEquals(1, outcome.errorLines().size(), outcome.err());
            assertTrue(outcome.err().contains("No space left on device"), outcome.err());
            assertTrue(outcome.err().contains(small.toString()), "the error names no file: " + outcome.err());
            for (Map.Entry<Path, byte[]> file : before.entrySet()) {
                if (!file.getKey().getFileName().toString().equals("lock")) {
                    assertTrue(Files.exists(file.getKey()), file.getKey() + " is gone");
                    assertEquals(-1, java.util.Arrays.mismatch(file.getValue(), Files.readAllBytes(file.getKey())),
                            file.getKey() + " changed");
                }
            }
            ResultsIntegrity.assertIntact(small);
            assertEquals(List.of(), ResultsIntegrity.strayTemporaryFiles(small), "half-written files left");
            assertEquals(RunStatus.COMPLETE, RunFolder.at(small, done.runId()).status());
            assertEquals(2, ResultsRoot.at(small).runs().size());
        } finally {
            Mounts.unmount(small);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Map<Path, byte[]> contents(Path root) throws IOException {
        Map<Path, byte[]> contents = new TreeMap<>();
        for (Path file : files(root)) {
            contents.put(file, Files.readAllBytes(file));
        }
        return contents;
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(from)) {
            sources = new ArrayList<>(files.toList());
        }
        for (Path source : sources) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
    }
}
