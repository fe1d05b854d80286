package io.vggsuite.results;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Facts about this machine and checkout for {@link Provenance}; "unknown" where they cannot be had.
 * What a run's numbers may differ by between machines is here too (CPU model and vector
 * extensions, caches, oneDNN's cap, PyTorch's thread counts): the parsing of /proc/cpuinfo and
 * sysfs is in pure functions of their text, so that other machines' files can be tested.
 */
final class MachineFacts {

    private static final long COMMAND_TIMEOUT_SECONDS = 20;
    /** The folder of the project that holds results committed with it (data, not code). */
    static final String PUBLISHED_RESULTS = "published";
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    /** One folder per cache of CPU 0, index0, index1, …, each with files level, type and size. */
    private static final Path CPU0_CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");
    /** The name oneDNN also reads its cap from when {@link ProvenanceKeys#ONEDNN_MAX_CPU_ISA_VARIABLE} is unset. */
    static final String LEGACY_ONEDNN_VARIABLE = "DNNL_MAX_CPU_ISA";
    private static final String PYTORCH = "PyTorch";

    /** One cache as sysfs describes it: level "2", type "Data", "Instruction" or "Unified", size "1024K". */
    record Cache(String level, String type, String size) {}

    private MachineFacts() {}

    static Map<String, String> collect() {
        Map<String, String> facts = new TreeMap<>();
        Path here = Path.of("");
        facts.put(ProvenanceKeys.GIT_COMMIT, run(here, "git", "rev-parse", "HEAD").orElse(ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.GIT_DIRTY, gitDirty(here));
        facts.put(ProvenanceKeys.DJL_VERSION, orUnknown(Engine::getDjlVersion));
        facts.put(ProvenanceKeys.PYTORCH_VERSION, orUnknown(() -> Engine.getInstance().getVersion()));
        facts.put(ProvenanceKeys.DEVICE, device());
        String cpuinfo = read(CPUINFO).orElse("");
        facts.putAll(cpu(cpuinfo));
        facts.putAll(caches(cachesOfCpu0()));
        facts.put(ProvenanceKeys.ONEDNN_MAX_CPU_ISA, onednnCap(System.getenv()));
        facts.put(ProvenanceKeys.ATEN_CPU_CAPABILITY,
                atenCapability(System.getenv(), facts.get(ProvenanceKeys.CPU_VECTOR_EXTENSIONS)));
        facts.put(ProvenanceKeys.THREADS_INTRA_OP, orUnknown(() -> pytorch(JniUtils::getNumThreads)));
        facts.put(ProvenanceKeys.THREADS_INTER_OP, orUnknown(() -> pytorch(JniUtils::getNumInteropThreads)));
        return facts;
    }

    /**
     * The CPU facts of /proc/cpuinfo's text, from its first processor's block: vendor, model name,
     * family, model number, stepping and vector extensions; "unknown" for each one it lacks (an
     * Arm kernel prints no vendor_id, a non-Linux machine no file at all).
     */
    static Map<String, String> cpu(String cpuinfo) {
        Map<String, String> fields = firstProcessor(cpuinfo);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(ProvenanceKeys.CPU_VENDOR, fields.getOrDefault("vendor_id", ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.CPU_MODEL, fields.getOrDefault("model name", ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.CPU_FAMILY, fields.getOrDefault("cpu family", ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.CPU_MODEL_NUMBER, fields.getOrDefault("model", ProvenanceKeys.UNKNOWN));
        facts.put(ProvenanceKeys.CPU_STEPPING, fields.getOrDefault("stepping", ProvenanceKeys.UNKNOWN));
        // x86 kernels list them as "flags", Arm kernels as "Features".
        Optional<String> flags = Optional.ofNullable(fields.get("flags"))
                .or(() -> Optional.ofNullable(fields.get("Features")));
        facts.put(ProvenanceKeys.CPU_VECTOR_EXTENSIONS, flags.map(MachineFacts::vectorExtensions)
                .orElse(ProvenanceKeys.UNKNOWN));
        return facts;
    }

    /**
     * The flags among {@code flags} (space-separated, as cpuinfo prints them) that are in {@link
     * ProvenanceKeys#VECTOR_EXTENSIONS}, in its order whatever theirs; "none" when there are none.
     */
    static String vectorExtensions(String flags) {
        Set<String> present = Set.copyOf(Arrays.asList(flags.strip().split("\\s+")));
        List<String> kept = ProvenanceKeys.VECTOR_EXTENSIONS.stream().filter(present::contains).toList();
        return kept.isEmpty() ? "none" : String.join(" ", kept);
    }

    /** The "key : value" lines of cpuinfo's first block (up to the first blank line), keys stripped. */
    private static Map<String, String> firstProcessor(String cpuinfo) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : cpuinfo.lines().toList()) {
            if (line.isBlank()) {
                if (fields.isEmpty()) {
                    continue;
                }
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /**
     * The level-2 and level-3 cache sizes among {@code caches}, each from the first data or unified
     * cache of that level (an instruction cache holds no operands); "unknown" for a level none has.
     */
    static Map<String, String> caches(List<Cache> caches) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(ProvenanceKeys.CPU_CACHE_L2, cacheSize(caches, "2"));
        facts.put(ProvenanceKeys.CPU_CACHE_L3, cacheSize(caches, "3"));
        return facts;
    }

    private static String cacheSize(List<Cache> caches, String level) {
        return caches.stream()
                .filter(c -> c.level().equals(level))
                .filter(c -> c.type().equals("Data") || c.type().equals("Unified"))
                .map(Cache::size)
                .filter(size -> !size.isBlank())
                .findFirst()
                .orElse(ProvenanceKeys.UNKNOWN);
    }

    /**
     * The caches sysfs lists for CPU 0, in index order; where a container's sysfs has none (seen on
     * the gVisor sandboxes of the AMD EPYC machines), the sizes glibc reads from CPUID, which is
     * also where oneDNN learns the cache sizes it blocks its kernels by.
     */
    private static List<Cache> cachesOfCpu0() {
        List<Cache> listed = cachesInSysfs();
        return listed.isEmpty() ? cachesFromGetconf() : listed;
    }

    private static List<Cache> cachesFromGetconf() {
        List<Cache> caches = new ArrayList<>();
        for (String level : new String[] {"2", "3"}) {
            run("getconf", "LEVEL" + level + "_CACHE_SIZE")
                    .flatMap(MachineFacts::kibibytes)
                    .ifPresent(size -> caches.add(new Cache(level, "Unified", size)));
        }
        return caches;
    }

    /** getconf's size in bytes as sysfs writes sizes ("1024K"); empty for blank or 0 (unknown). */
    static Optional<String> kibibytes(String bytes) {
        try {
            long value = Long.parseLong(bytes.strip());
            return value > 0 ? Optional.of(value / 1024 + "K") : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Cache> cachesInSysfs() {
        List<Cache> caches = new ArrayList<>();
        try (Stream<Path> indices = Files.list(CPU0_CACHES)) {
            for (Path index : indices.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                Optional<String> level = read(index.resolve("level"));
                Optional<String> type = read(index.resolve("type"));
                Optional<String> size = read(index.resolve("size"));
                if (level.isPresent() && type.isPresent() && size.isPresent()) {
                    caches.add(new Cache(level.get().strip(), type.get().strip(), size.get().strip()));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return caches;
    }

    /**
     * oneDNN's cap on its kernels in a process with environment {@code env}: {@link
     * ProvenanceKeys#ONEDNN_MAX_CPU_ISA_VARIABLE}, else the legacy name oneDNN falls back to, else
     * {@link ProvenanceKeys#ONEDNN_UNCAPPED}.
     */
    static String onednnCap(Map<String, String> env) {
        String cap = env.get(ProvenanceKeys.ONEDNN_MAX_CPU_ISA_VARIABLE);
        if (cap != null && !cap.isBlank()) {
            return cap.strip();
        }
        String legacy = env.get(LEGACY_ONEDNN_VARIABLE);
        if (legacy != null && !legacy.isBlank()) {
            return legacy.strip() + " (from " + LEGACY_ONEDNN_VARIABLE + ")";
        }
        return ProvenanceKeys.ONEDNN_UNCAPPED;
    }

    /**
     * ATen's kernel width in a process with environment {@code env} on a CPU with {@code
     * vectorExtensions} (as {@link #vectorExtensions} writes them): the variable's value where set,
     * else the width ATen 2.x picks on x86 (AVX-512 needs avx512vl, avx512bw, avx512dq and fma;
     * AVX2 needs avx2 and fma; "default" otherwise, Arm included) followed by {@link
     * ProvenanceKeys#ATEN_CPU_BEST}; "unknown" where the extensions are.
     */
    static String atenCapability(Map<String, String> env, String vectorExtensions) {
        String set = env.get(ProvenanceKeys.ATEN_CPU_CAPABILITY_VARIABLE);
        if (set != null && !set.isBlank()) {
            return set.strip().toLowerCase(Locale.ROOT);
        }
        if (vectorExtensions == null || vectorExtensions.equals(ProvenanceKeys.UNKNOWN)) {
            return ProvenanceKeys.UNKNOWN;
        }
        Set<String> present = Set.copyOf(Arrays.asList(vectorExtensions.strip().split("\\s+")));
        String best = present.containsAll(List.of("avx512vl", "avx512bw", "avx512dq", "fma")) ? "avx512"
                : present.containsAll(List.of("avx2", "fma")) ? "avx2"
                : "default";
        return best + " " + ProvenanceKeys.ATEN_CPU_BEST;
    }

    /** A count that PyTorch's natives report, after loading them (DJL applies its thread settings then). */
    private static String pytorch(Supplier<Integer> count) {
        Engine.getEngine(PYTORCH);
        return Integer.toString(count.get());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Absent (not Linux, no sysfs in this container) or unreadable: the fact is unknown.
            return Optional.empty();
        }
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
            List<String> lines = Files.readAllLines(CPUINFO, StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String orUnknown(Supplier<String> fact) {
        try {
            return Optional.ofNullable(fact.get()).orElse(ProvenanceKeys.UNKNOWN);
        } catch (RuntimeException | LinkageError e) {
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
