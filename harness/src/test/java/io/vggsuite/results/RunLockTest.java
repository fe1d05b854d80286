package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path root;

    @Test
    void secondLockInThisProcessIsRefusedNamingTheRunAndFolder() throws IOException {
        RunFolder run = RunFolder.at(root, "C_S384_seed2");
        try (RunLock first = run.lock()) {
            assertTrue(first.isHeld());
            IOException refused = assertThrows(IOException.class, run::lock);
            assertTrue(refused.getMessage().contains("run 'C_S384_seed2' is locked"), refused.getMessage());
            assertTrue(refused.getMessage().contains(run.dir().toString()), refused.getMessage());
            assertTrue(first.isHeld(), "the refused attempt must not release the holder's lock");
        }
        try (RunLock again = run.lock()) {
            assertTrue(again.isHeld());
        }
    }

    @Test
    void lockHeldByAnotherProcessIsRefusedWithItsPid() throws Exception {
        RunFolder run = RunFolder.at(root, "D_S256_seed1");
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        LockHolder.class.getName(), root.toString(), run.runId())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            IOException refused = assertThrows(IOException.class, run::lock);
            assertTrue(refused.getMessage().contains("(pid " + holder.pid() + ")"), refused.getMessage());
            assertTrue(refused.getMessage().contains(run.dir().toString()), refused.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (RunLock mine = run.lock()) {
            assertTrue(mine.isHeld());
        }
    }

    @Test
    void closingReleasesTheLock() throws IOException {
        RunLock lock = RunFolder.at(root, "A_seed1").lock();
        lock.close();
        assertFalse(lock.isHeld());
    }
}
