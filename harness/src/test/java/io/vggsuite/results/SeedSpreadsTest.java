package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSpreadsTest {

    private static final String HEADER = "metric,value,seed_mean,seed_std,band_low,band_high,same_machine_tolerance\n";

    @Test
    void readsTheSeedStdOfEveryMetricByTheNameMetricNamesSpells(@TempDir Path dir) throws IOException {
        String metric = MetricNames.top1Error("D w1/4 S[256;512] fine-tune",
                MetricNames.evaluation(EvalMethod.DENSE, List.of(256, 384, 512)));
        assertEquals("D w1/4 S[256;512] fine-tune | dense Q256,384,512 | top-1 error", metric);
        Path csv = dir.resolve("quick.csv");
        Files.writeString(csv, HEADER + "\"" + metric + "\",44.4,44.6,1.25,1,87,1e-9\n");
        SeedSpreads spreads = SeedSpreads.read(csv).orElseThrow();
        assertEquals(1.25, spreads.of(metric).getAsDouble());
        assertTrue(spreads.of("E w1/4 S256 glorot | dense Q256 | top-1 error").isEmpty());
        assertEquals(csv, spreads.source());
    }

    @Test
    void noBaselineIsEmptyAndABadNumberNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        assertTrue(SeedSpreads.read(dir.resolve("none.csv")).isEmpty());
        Path csv = dir.resolve("smoke.csv");
        Files.writeString(csv, HEADER + "m,1,1,wide,0,2,0\n");
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> SeedSpreads.read(csv));
        assertEquals(csv + ":2: column seed_std is not a number: 'wide'", e.getMessage());
    }
}
