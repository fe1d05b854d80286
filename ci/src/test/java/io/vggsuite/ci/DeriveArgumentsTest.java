package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two forms of {@code ci/baseline derive}. */
class DeriveArgumentsTest {

    @Test
    void theSampleFormNamesEveryFolderWithItsPerturbationInOrderAndLabelsAndFoldersMayHoldEquals() {
        DeriveArguments args = DeriveArguments.parse(List.of("smoke", "/w/rerun/smoke", "why",
                "--sample", "default", "/w/default/smoke",
                "--sample", "threads=1,isa=AVX2", "/w/threads=1,isa=AVX2/smoke"));
        assertEquals("smoke", args.budget());
        assertEquals("why", args.message());
        assertEquals(Optional.of(Path.of("/w/rerun/smoke")), args.rerun());
        assertEquals(List.of(new DeriveArguments.PerturbedResults("default", Path.of("/w/default/smoke")),
                new DeriveArguments.PerturbedResults("threads=1,isa=AVX2", Path.of("/w/threads=1,isa=AVX2/smoke"))),
                args.samples());
    }

    @Test
    void samplesMayComeBeforeThePositionalArgumentsAndNoneMeansNoRerun() {
        DeriveArguments args = DeriveArguments.parse(List.of("--sample", "default", "/w/d", "quick", "none", "why"));
        assertEquals("quick", args.budget());
        assertEquals(Optional.empty(), args.rerun());
        assertEquals(1, args.samples().size());
    }

    @Test
    void theFormerFormIsOneFolderUnderTheDefaultPerturbation() {
        DeriveArguments args = DeriveArguments.parse(List.of("full", "results/full", "none", "three seeds"));
        assertEquals(List.of(new DeriveArguments.PerturbedResults(Sample.DEFAULT_PERTURBATION, Path.of("results/full"))),
                args.samples());
        assertEquals(Optional.empty(), args.rerun());
        assertEquals("three seeds", args.message());
    }

    @Test
    void aSampleWithoutItsFolderALabelNamedTwiceAMissingMessageOrAnUnknownOptionIsRefused() {
        assertMessage("takes two arguments", List.of("smoke", "none", "why", "--sample", "default"));
        assertMessage("named twice", List.of("smoke", "none", "why", "--sample", "a", "/x", "--sample", "a", "/y"));
        assertMessage("message", List.of("smoke", "none", " ", "--sample", "a", "/x"));
        assertMessage("unknown option '--samples'", List.of("smoke", "none", "why", "--samples", "a", "/x"));
        assertMessage("got 3 arguments", List.of("smoke", "results/smoke", "none"));
        assertMessage("got 4 arguments", List.of("smoke", "x", "none", "why", "--sample", "a", "/x"));
    }

    private static void assertMessage(String expected, List<String> args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeriveArguments.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
