package io.vggsuite.report;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar reports.jar <results-dir>}: regenerates {@code <results-dir>/report/}. A thin
 * shell around {@link Report#generate(Path)}.
 */
public final class ReportMain {

    private ReportMain() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar reports.jar <results-dir>");
            System.exit(2);
        }
        // Charts are drawn off screen; a machine without a display must not try to open one.
        System.setProperty("java.awt.headless", "true");
        List<Path> written = Report.generate(Path.of(args[0]));
        written.forEach(p -> System.out.println("wrote " + p));
    }
}
