package io.vggsuite.data;

import java.io.PrintStream;

/**
 * Progress of long work (decoding, downloading), shown only on an interactive terminal: CI logs and
 * test output stay quiet.
 */
final class Progress {

    private final String task;
    private final long total;
    private final boolean visible;
    private final PrintStream out = System.err;
    private int lastPercent = -1;

    private Progress(String task, long total, boolean visible) {
        this.task = task;
        this.total = total;
        this.visible = visible;
    }

    /** A progress line for {@code task} out of {@code total} units (bytes, images). */
    static Progress start(String task, long total) {
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        return new Progress(task, total, terminal);
    }

    synchronized void update(long done) {
        if (!visible || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            out.print("\r" + task + ": " + percent + "%");
            out.flush();
        }
    }

    void finish() {
        if (visible) {
            out.println("\r" + task + ": done");
        }
    }
}
