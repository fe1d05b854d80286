package io.vggsuite.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small tmpfs mounts for disk-full and read-only cases; only root may mount. */
final class Mounts {

    private Mounts() {}

    static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A tmpfs of {@code bytes} (rounded up to pages) at {@code dir}; {@code options} such as "ro". */
    static void tmpfs(Path dir, long bytes, String... options) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("size=" + bytes));
        all.addAll(List.of(options));
        command("mount", "-t", "tmpfs", "-o", String.join(",", all), "tmpfs", dir.toString());
    }

    static void unmount(Path dir) throws IOException, InterruptedException {
        command("umount", dir.toString());
    }

    private static void command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
