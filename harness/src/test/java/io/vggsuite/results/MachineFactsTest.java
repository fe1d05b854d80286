package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git.dirty of a run's provenance says whether the code that ran was committed. */
class MachineFactsTest {

    @TempDir
    Path checkout;

    @Test
    void resultsWrittenIntoPublishedDoNotMakeTheCheckoutDirtyButAnyOtherChangeDoesFromAnyFolderInIt()
            throws IOException, InterruptedException {
        git("init", "-q");
        Files.writeString(checkout.resolve("Code.java"), "class Code {}\n");
        git("add", "Code.java");
        git("-c", "user.email=test@example.org", "-c", "user.name=test", "commit", "-q", "-m", "code");
        Path module = Files.createDirectories(checkout.resolve("experiments"));
        Files.createDirectories(checkout.resolve("published/budget/runs/r1"));
        Files.writeString(checkout.resolve("published/budget/runs/r1/epochs.csv"), "epoch\n1\n");
        assertEquals("false", MachineFacts.gitDirty(module), "only published results changed");

        Files.writeString(checkout.resolve("New.java"), "class New {}\n");
        assertEquals("true", MachineFacts.gitDirty(module), "a new file beside the module, seen from inside it");
        Files.delete(checkout.resolve("New.java"));
        Files.writeString(checkout.resolve("Code.java"), "class Code { int changed; }\n");
        assertEquals("true", MachineFacts.gitDirty(checkout), "a tracked file changed");
    }

    @Test
    void outsideAGitCheckoutItIsUnknownNotClean() {
        assertEquals(ProvenanceKeys.UNKNOWN, MachineFacts.gitDirty(checkout), checkout + " is in no checkout");
        assertEquals(ProvenanceKeys.UNKNOWN, MachineFacts.gitDirty(checkout.resolve("no-such-folder")));
    }

    private void git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(checkout.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }
}
