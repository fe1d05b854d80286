package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.RunFolder;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.Progress;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped after its last epoch's checkpoint, then a checkpoint damaged on disk: the damage
 * is found by the SHA-256 trailer, the run says which file it passed over and what it did instead
 * (fall back to the previous checkpoint, or restart the run when none is left), and it ends with
 * the numbers of an undamaged run.
 */
@Tag("reliability")
class CorruptCheckpointTest {

    private static final String NEWEST = "epoch-0003.ckpt";
    private static final String PREVIOUS = "epoch-0002.ckpt";

    @TempDir
    static Path scratch;

    private static RunSpec spec;
    private static RunFolder reference;
    private static Path stopped;

    @TempDir
    Path results;

    /** Damage done to one checkpoint file's bytes. */
    @FunctionalInterface
    interface Damage {
        byte[] apply(byte[] bytes);
    }

    @BeforeAll
    static void trainReferenceAndAStoppedCopy() throws IOException {
        Path data = scratch.resolve("data");
        TinyBudget.writeImages(data);
        spec = TinyBudget.run(data, VggConfig.A, 1);
        reference = trainer(scratch.resolve("reference"), Progress.quiet()).train(spec).folder();
        // The same run as if killed after its last checkpoint: no model, no status.
        stopped = scratch.resolve("stopped");
        copy(reference.dir(), RunFolder.at(stopped, spec.runId()).dir());
        Files.delete(RunFolder.at(stopped, spec.runId()).dir().resolve("status"));
        Files.delete(RunFolder.at(stopped, spec.runId()).dir().resolve("model.params"));
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("one byte flipped in the parameters", (Damage) b -> flip(b, b.length / 2)),
                Arguments.of("bytes flipped in the header", (Damage) b -> flip(flip(b, 3), 9)),
                Arguments.of("one byte of the checksum flipped", (Damage) b -> flip(b, b.length - 1)),
                Arguments.of("cut to half its length", (Damage) b -> Arrays.copyOf(b, b.length / 2)),
                Arguments.of("last byte cut off", (Damage) b -> Arrays.copyOf(b, b.length - 1)),
                Arguments.of("cut to 10 bytes", (Damage) b -> Arrays.copyOf(b, 10)),
                Arguments.of("emptied", (Damage) b -> new byte[0]),
                Arguments.of("a zero block written over its middle", (Damage) b -> zeroes(b, b.length / 3, 4096)));
    }

    @ParameterizedTest(name = "newest checkpoint {0}")
    @MethodSource("damages")
    void aDamagedNewestCheckpointIsDetectedAndTheRunFallsBackToThePreviousOne(String what, Damage damage)
            throws IOException {
        RunFolder folder = stoppedCopy();
        damage(folder, NEWEST, damage);

        String said = resume(folder);

        assertTrue(said.contains("checkpoint " + NEWEST + " is "), what + ", said: " + said);
        assertTrue(said.contains("falling back to " + PREVIOUS), what + ", said: " + said);
        assertTrue(said.contains("resuming after epoch 2"), said);
        assertEndsAsTheUndamagedRun(folder);
    }

    @ParameterizedTest(name = "both checkpoints {0}")
    @MethodSource("damages")
    void whenEveryCheckpointIsDamagedTheRunRestartsAndSaysSo(String what, Damage damage) throws IOException {
        RunFolder folder = stoppedCopy();
        damage(folder, NEWEST, damage);
        damage(folder, PREVIOUS, damage);

        String said = resume(folder);

        assertTrue(said.contains("checkpoint " + PREVIOUS + " is "), what + ", said: " + said);
        assertTrue(said.contains("no good checkpoint left, restarting the run"), what + ", said: " + said);
        assertFalse(said.contains("resuming after"), said);
        assertEndsAsTheUndamagedRun(folder);
    }

    private void assertEndsAsTheUndamagedRun(RunFolder folder) throws IOException {
        assertEquals(ResultsIntegrity.curve(reference.epochs()), ResultsIntegrity.curve(folder.epochs()));
        assertEquals(Files.mismatch(reference.dir().resolve("model.params"), folder.dir().resolve("model.params")),
                -1L, "trained parameters differ from the undamaged run's");
        for (Path checkpoint : ResultsIntegrity.checkpoints(folder)) {
            assertTrue(ResultsIntegrity.checksumHolds(checkpoint), checkpoint.toString());
        }
        ResultsIntegrity.assertIntact(results);
    }

    private RunFolder stoppedCopy() throws IOException {
        RunFolder folder = RunFolder.at(results, spec.runId());
        copy(RunFolder.at(stopped, spec.runId()).dir(), folder.dir());
        return folder;
    }

    /** Resumes the run and returns what it said. */
    private String resume(RunFolder folder) throws IOException {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8)) {
            TrainedRun run = trainer(results, Progress.lines(out)).train(spec);
            assertEquals(TrainedRun.Outcome.TRAINED, run.outcome());
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    private static RunTrainer trainer(Path root, Progress progress) {
        return RunTrainer.into(root, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("reliability"))
                .withProgress(progress);
    }

    private static void damage(RunFolder folder, String name, Damage damage) throws IOException {
        Path file = folder.checkpointDir().resolve(name);
        byte[] before = Files.readAllBytes(file);
        byte[] after = damage.apply(before.clone());
        assertFalse(Arrays.equals(before, after), "the damage changed nothing");
        Files.write(file, after);
    }

    private static byte[] flip(byte[] bytes, int at) {
        bytes[at] ^= (byte) 0x5A;
        return bytes;
    }

    private static byte[] zeroes(byte[] bytes, int from, int length) {
        Arrays.fill(bytes, from, Math.min(bytes.length, from + length), (byte) 0);
        return bytes;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }
}
