package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.testing.TinyImageFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long multi-crop evaluation runs in bounded memory: the resident set of a child JVM (heap fixed
 * and pre-touched, so only native memory, where NDArrays live, can grow) after 10 times as many
 * batches is within {@link #BOUND_KB} of what it was after the first passes. One leaked input batch
 * is 200 crops × 3 × 32 × 32 floats ≈ 2.4 MB, so a leak of every batch would add about a gigabyte
 * over the 400 batches. Measured on the 2-core reference machine: 1× (40 batches) grew 0.1–8 MB,
 * 10× (400 batches) 8–31 MB, in steps rather than per batch (another 1,000 batches added 0.1 MB);
 * without MALLOC_ARENA_MAX=2 the allocator drifts more. The first 200 batches warm up the JIT and
 * the allocator and are not counted.
 */
@Tag("reliability-slow")
class EvaluationMemoryTest {

    /**
     * Allowed growth over the 10× run: 96 MB, a tenth of what leaking each batch's input would add,
     * so any leak of 240 KB or more per batch fails; allocator and JIT drift measured up to 31 MB.
     */
    static final long BOUND_KB = 96 * 1024;

    private static final int WARM_UP_PASSES = 20;
    private static final int PASSES = 4;

    @TempDir
    Path scratch;

    @Test
    void tenTimesMoreMultiCropBatchesKeepResidentMemoryFlat(TestReporter reporter) throws Exception {
        Path images = TinyImageFolder.write(scratch.resolve("images"), 1, 10);
        Path log = scratch.resolve("soak.log");
        int status = ChildJvm.run(EvaluationSoak.class, List.of(images.toString(),
                        Integer.toString(WARM_UP_PASSES), Integer.toString(WARM_UP_PASSES + PASSES),
                        Integer.toString(WARM_UP_PASSES + 10 * PASSES)),
                log, Duration.ofMinutes(10), "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch");
        assertEquals(0, status, Files.readString(log));

        Map<Integer, Long> rss = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("rss ")) {
                String[] fields = line.split(" ");
                rss.put(Integer.parseInt(fields[1]), Long.parseLong(fields[2]));
            }
        }
        assertEquals(3, rss.size(), Files.readString(log));
        int batchesPerPass = TinyImageFolder.CLASSES * 10 / EvaluationSoak.IMAGES_PER_BATCH;
        long once = rss.get(WARM_UP_PASSES + PASSES) - rss.get(WARM_UP_PASSES);
        long tenTimes = rss.get(WARM_UP_PASSES + 10 * PASSES) - rss.get(WARM_UP_PASSES);
        assertTrue(tenTimes < BOUND_KB, "resident memory grew by " + tenTimes + " KB over "
                + 10 * PASSES * batchesPerPass + " batches (bound " + BOUND_KB + " KB)");
        reporter.publishEntry("evaluation memory", "RSS growth " + once + " KB after " + PASSES * batchesPerPass
                + " batches, " + tenTimes + " KB after " + 10 * PASSES * batchesPerPass + " batches (bound "
                + BOUND_KB + " KB)");
    }
}
