package io.vggsuite.report;

import io.vggsuite.results.AtomicFiles;
import io.vggsuite.results.ResultsRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar reports.jar <results-dir> [--readme README.md]}: regenerates
 * {@code <results-dir>/report/} and, with {@code --readme}, the claims block of that README
 * ({@link ReadmeClaims}) from the same folder. A thin shell around {@link Report#generate(Path)}.
 * {@code java -jar reports.jar --side-by-side <results-dir> <results-dir>...} prints the claims of
 * the folders side by side ({@link VerdictsSideBySide}) and writes nothing.
 */
public final class ReportMain {

    private static final String USAGE = "usage: java -jar reports.jar <results-dir> [--readme README.md]\n"
            + "       java -jar reports.jar --side-by-side <results-dir> <results-dir>...";
    private static final String SIDE_BY_SIDE = "--side-by-side";

    private ReportMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals(SIDE_BY_SIDE)) {
            sideBySide(List.of(args).subList(1, args.length));
            return;
        }
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--readme"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        // Charts are drawn off screen; a machine without a display must not try to open one.
        System.setProperty("java.awt.headless", "true");
        try {
            Path results = Path.of(args[0]);
            List<Path> written = Report.generate(results);
            written.forEach(p -> System.out.println("wrote " + p));
            if (args.length == 3) {
                writeReadmeBlock(results, Path.of(args[2]));
            }
        } catch (IllegalArgumentException e) {
            // A folder or README that is not what it should be: say which, without a stack trace.
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void sideBySide(List<String> folders) {
        if (folders.size() < 2) {
            System.err.println(SIDE_BY_SIDE + " needs at least two results folders\n" + USAGE);
            System.exit(2);
        }
        List<ResultsRoot> roots = new ArrayList<>();
        for (String folder : folders) {
            if (!Files.isDirectory(Path.of(folder))) {
                System.err.println(SIDE_BY_SIDE + " " + folder + ": no such results folder");
                System.exit(2);
            }
            roots.add(ResultsRoot.at(Path.of(folder)));
        }
        System.out.print(VerdictsSideBySide.render(roots, Path.of("")));
    }

    private static void writeReadmeBlock(Path results, Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) {
            throw new IllegalArgumentException("--readme " + readme + ": no such file");
        }
        String block = ReadmeClaims.render(ResultsRoot.at(results), readme.toAbsolutePath().getParent());
        String updated = ReadmeClaims.replaceBlock(Files.readString(readme, StandardCharsets.UTF_8), block, readme);
        AtomicFiles.writeBytes(readme, out -> out.write(updated.getBytes(StandardCharsets.UTF_8)));
        System.out.println("wrote the claims block of " + readme);
    }
}
