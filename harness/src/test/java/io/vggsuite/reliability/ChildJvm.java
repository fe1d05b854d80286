package io.vggsuite.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A main class of the test classpath in another JVM, so a test can SIGKILL it or read its RSS. */
final class ChildJvm {

    private ChildJvm() {}

    static Process start(Class<?> main, List<String> args, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-Xmx1g"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc gives each of PyTorch's threads its own malloc arena; their fragmentation moves the
        // resident set by tens of MB whether or not anything leaks. Two arenas keep RSS readable.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    /** Runs to the end and returns the exit status; a child still running after {@code limit} is killed. */
    static int run(Class<?> main, List<String> args, Path log, Duration limit, String... jvmOptions)
            throws IOException, InterruptedException {
        Process process = start(main, args, log, jvmOptions);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(main.getSimpleName() + " did not finish within " + limit + "; see " + log);
        }
        return process.exitValue();
    }
}
