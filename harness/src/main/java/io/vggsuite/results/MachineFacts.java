package io.vggsuite.results;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Facts about this machine and checkout for {@link Provenance}; "unknown" where they cannot be had. */
final class MachineFacts {

    private static final long COMMAND_TIMEOUT_SECONDS = 20;
    /** The folder of the project that holds results committed with it (data, not code). */
    static final String PUBLISHED_RESULTS = "published";

    private MachineFacts() {}

    static Map<String, String> collect() {
        Map<String, String> facts = new TreeMap<>();
        Path here = Path.of("");
        facts.put(ProvenanceKeys.GIT_COMMIT, run(here, "git", "rev-parse", "HEAD").orElse(ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.GIT_DIRTY, gitDirty(here));
        facts.put(ProvenanceKeys.DJL_VERSION, orUnknown(Engine::getDjlVersion));
        facts.put(ProvenanceKeys.PYTORCH_VERSION, orUnknown(() -> Engine.getInstance().getVersion()));
        facts.put(ProvenanceKeys.DEVICE, device());
        return facts;
    }

    /**
     * Whether the checkout that holds {@code dir} has uncommitted changes: the whole checkout
     * wherever in it {@code dir} is, except the published results, which a run writing into
     * {@code published/} would otherwise count against the code it ran.
     */
    static String gitDirty(Path dir) {
        return run(dir, "git", "status", "--porcelain", "--", ":(top)", ":(top,exclude)" + PUBLISHED_RESULTS)
                .map(changes -> Boolean.toString(!changes.isBlank()))
                .orElse(ProvenanceKeys.UNKNOWN);
    }

    private static String device() {
        boolean gpu;
        try {
            gpu = Engine.getInstance().getGpuCount() > 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            gpu = false;
        }
        if (gpu) {
            return run("nvidia-smi", "--query-gpu=name", "--format=csv,noheader")
                    .map(names -> "gpu: " + String.join(" + ", names.strip().lines().toList()))
                    .orElse("gpu: " + ProvenanceKeys.UNKNOWN);
        }
        return "cpu: " + cpuModel().orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String orUnknown(java.util.function.Supplier<String> fact) {
        try {
            return Optional.ofNullable(fact.get()).orElse(ProvenanceKeys.UNKNOWN);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // No engine on the class path or no natives: the run can still say so.
            return ProvenanceKeys.UNKNOWN;
        }
    }

    /** Standard output of a command that succeeded, else empty (not installed, not a git checkout). */
    private static Optional<String> run(String... command) {
        return run(Path.of(""), command);
    }

    private static Optional<String> run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0
                    ? Optional.of(new String(out, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
