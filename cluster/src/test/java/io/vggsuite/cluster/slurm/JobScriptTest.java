package io.vggsuite.cluster.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.cluster.Resources;
import io.vggsuite.train.KernelReproducibility;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobScriptTest {

    private final Resources resources = new Resources(4, 8192, 0, Duration.ofMinutes(90));

    @Test
    void scriptRequestsTheResourcesAndNamesTheJobAfterTheRun() {
        String text = new JobScript(JobScript.jobName("D-S256-warm-start-A-s1-abc"), resources, Path.of("/r/x-%j.out"),
                Map.of("VGG_DATA_DIR", "/data sets"), List.of("java", "-jar", "a b.jar")).text();
        assertTrue(text.startsWith("#!/bin/bash\n"));
        assertTrue(text.contains("#SBATCH --job-name=vgg-D-S256-warm-start-A-s1-abc\n"));
        assertTrue(text.contains("#SBATCH --cpus-per-task=4\n"));
        assertTrue(text.contains("#SBATCH --mem=8192M\n"));
        assertTrue(text.contains("#SBATCH --time=0-01:30:00\n"));
        assertTrue(text.contains("#SBATCH --output=/r/x-%j.out\n"));
        assertTrue(text.contains("export OMP_NUM_THREADS=4\n"));
        assertTrue(text.contains("export " + KernelReproducibility.VARIABLE + "=" + KernelReproducibility.VALUE + "\n"));
        assertTrue(text.contains("export VGG_DATA_DIR='/data sets'\n"));
        assertTrue(text.contains("exec java -jar 'a b.jar'\n"));
        assertFalse(text.contains("--gres"), "no GPU asked, none requested");
    }

    @Test
    void gpusBecomeAGresRequest() {
        String text = new JobScript("vgg-x", resources.withGpus(2), Path.of("/l"), Map.of(), List.of("true")).text();
        assertTrue(text.contains("#SBATCH --gres=gpu:2\n"));
    }

    @Test
    void quotingKeepsShellCharactersLiteral() {
        assertEquals("'it'\\''s $HOME'", JobScript.quote("it's $HOME"));
        assertEquals("/plain/path-1.jar", JobScript.quote("/plain/path-1.jar"));
    }
}
