package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad option of {@code train} is one line on standard error that names the option, exit
 * status 2, and no results folder: it is refused before any data is read or anything is written.
 */
@Tag("reliability")
class BadArgumentsTest {

    @TempDir
    static Path data;

    @TempDir
    Path scratch;

    @BeforeAll
    static void writeImages() throws IOException {
        TinyBudget.writeImages(data);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("--config", "Z", "unknown configuration"),
                Arguments.of("--config", "", "empty configuration"),
                Arguments.of("--width", "0", "width zero"),
                Arguments.of("--width", "-0.5", "negative width"),
                Arguments.of("--width", "NaN", "width not a number"),
                Arguments.of("--crop", "300", "crop not a multiple of 32"),
                Arguments.of("--crop", "0", "crop zero"),
                Arguments.of("--scale", "192", "S smaller than the crop (224 in the paper's pixels)"),
                Arguments.of("--scale", "100-512", "Smin smaller than the crop"),
                Arguments.of("--scale", "512-256", "Smin > Smax"),
                Arguments.of("--scale", "big", "scale not a number"),
                Arguments.of("--epochs", "-1", "negative epoch count"),
                Arguments.of("--batch", "0", "batch of zero"),
                Arguments.of("--lr", "-0.01", "negative learning rate"),
                Arguments.of("--init", "zeros", "unknown initialisation"),
                Arguments.of("--dataset", "imagenet22k", "unknown dataset"),
                Arguments.of("--dataset", "imagefolder:", "image folder without a path"),
                Arguments.of("--train-images", "-5", "negative image count"),
                Arguments.of("--eval", "ten-crop", "unknown evaluation method"),
                Arguments.of("--seed", "one", "seed not a number"),
                Arguments.of("--epochs", "three", "epoch count not a number"),
                Arguments.of("--frobnicate", "1", "unknown flag"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("badOptions")
    void aBadOptionIsOneLineNamingItExitTwoAndNoFolder(String option, String value, String what) {
        Path results = scratch.resolve("results");
        List<String> args = new ArrayList<>(List.of("train", "--config", "A", "--width", TinyNets.WIDTH_ARGUMENT, "--epochs", "1",
                "--dataset", "imagefolder:" + data, "--validation-images", "20", "--results", results.toString()));
        args.addAll(List.of(option, value));
        CliOutcome outcome = CliOutcome.run(args);

        assertEquals(2, outcome.status(), what + ": " + outcome.err());
        assertEquals(1, outcome.errorLines().size(), what + ": " + outcome.err());
        assertTrue(outcome.err().startsWith("error: "), outcome.err());
        assertTrue(outcome.err().contains(option), what + " does not name " + option + ": " + outcome.err());
        assertFalse(Files.exists(results), what + " created " + results);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingValues")
    void aMissingRequiredOptionOrValueIsOneLineNamingIt(String option, List<String> args) {
        Path results = scratch.resolve("results");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--results", results.toString()));
        CliOutcome outcome = CliOutcome.run(all);

        assertEquals(2, outcome.status(), outcome.err());
        assertEquals(1, outcome.errorLines().size(), outcome.err());
        assertTrue(outcome.err().contains(option), outcome.err());
        assertFalse(Files.exists(results));
    }

    static Stream<Arguments> missingValues() {
        return Stream.of(
                Arguments.of("--config", List.of("train", "--width", TinyNets.WIDTH_ARGUMENT)),
                Arguments.of("--width", List.of("train", "--config", "A", "--width")),
                Arguments.of("nosuchcommand", List.of("nosuchcommand")));
    }
}
