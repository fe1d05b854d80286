package io.vggsuite.cluster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code local}'s options: a mistake is named, with exit status 2, before any data is loaded. */
class LocalCommandTest {

    @TempDir
    Path results;

    @Test
    void aProcessCountThatIsNotANumberIsRefusedNamingTheOptionAndTheValue() {
        String err = refused("--processes", "two");
        assertTrue(err.contains("--processes: 'two'"), err);
    }

    @Test
    void threadsWithoutAProcessCountAreRefusedSinceTheProbeChoosesBoth() {
        String err = refused("--threads", "1");
        assertTrue(err.contains("--threads needs --processes N"), err);
    }

    @Test
    void probeOnlyWithAProcessCountIsRefused() {
        String err = refused("--processes", "2", "--probe-only");
        assertTrue(err.contains("--probe-only") && err.contains("leave out --processes 2"), err);
    }

    @Test
    void zeroProcessesAreRefusedNamingTheOption() {
        String err = refused("--processes", "0");
        assertTrue(err.contains("--processes must be at least 1, got 0"), err);
    }

    @Test
    void anOnlyGlobThatMatchesNoRunIsRefusedNamingIt() {
        String err = refused("--processes", "1", "--only", "A-*,Z-*");
        assertTrue(err.contains("--only: 'Z-*' matches no run of the smoke grid"), err);
    }

    @Test
    void onlyGlobsMatchWholeRunIdsWithStarAndQuestionMarkAndEverythingElseLiteral() {
        assertTrue(LocalCommand.glob("D-w1_8-*").matcher("D-w1_8-S256-glorot-s1-996a363bf2e5").matches());
        assertTrue(LocalCommand.glob("?-w1_8-*-s1-*").matcher("A-w1_8-S256-glorot-s1-bba485f198dc").matches());
        assertFalse(LocalCommand.glob("D-w1_8-*").matcher("D-BN-w1_8-S256-glorot-s1-991acc66a319").matches());
        assertFalse(LocalCommand.glob("D.w1_8*").matcher("D-w1_8-S256").matches(), "a dot is a dot");
        assertFalse(LocalCommand.glob("D-w1_8").matcher("D-w1_8-S256").matches(), "the whole id, not a prefix");
    }

    private String refused(String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[4 + options.length];
        args[0] = "local";
        args[1] = "--budget=smoke";
        args[2] = "--results";
        args[3] = results.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        int status = ClusterMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(2, status, "exit status; err: " + err + " out: " + out);
        return err.toString();
    }
}
