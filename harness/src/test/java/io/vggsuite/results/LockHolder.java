package io.vggsuite.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate process for {@link RunLockTest}: takes a run's lock, says so on standard output, and
 * holds it until its standard input closes.
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        try (RunLock lock = RunFolder.at(Path.of(args[0]), args[1]).lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our input
            }
        }
    }
}
