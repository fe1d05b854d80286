package io.vggsuite.cluster;

import io.vggsuite.ablation.Budget;
import io.vggsuite.results.Columns;
import io.vggsuite.train.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the cluster tests compare between two results folders, and how they start afresh. */
public final class TestFolders {

    private TestFolders() {}

    /**
     * The smoke budget, or the same grid on fewer images when {@code -Dcluster.it.trainImages=N}
     * is given (a check on a loaded machine; CI runs the smoke budget itself).
     */
    public static Budget itBudget() {
        String train = System.getProperty("cluster.it.trainImages", "");
        if (train.isBlank()) {
            return Budget.SMOKE;
        }
        DataSpec d = Budget.SMOKE.data();
        int n = Integer.parseInt(train.strip());
        return Budget.SMOKE.withData(d.withTrainImages(n).withValidationImages(Math.min(n, d.validationImages()))
                .withTestImages(Math.min(n, d.testImages())));
    }

    /** The options that name {@code budget}'s data to the command line. */
    public static List<String> dataOptions(Budget budget) {
        return List.of("--train-images", Integer.toString(budget.data().trainImages()),
                "--validation-images", Integer.toString(budget.data().validationImages()),
                "--test-images", Integer.toString(budget.data().testImages()));
    }

    /** epochs.csv without its timing columns, which measure the machine, not the run. */
    public static List<String> epochNumbers(Path epochs) throws IOException {
        List<String> lines = Files.readAllLines(epochs);
        List<String> header = List.of(lines.get(0).split(","));
        int seconds = header.indexOf(Columns.SECONDS);
        int rate = header.indexOf(Columns.IMAGES_PER_SECOND);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                if (i != seconds && i != rate) {
                    row.add(f[i]);
                }
            }
            kept.add(String.join(",", row));
        }
        return kept;
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
