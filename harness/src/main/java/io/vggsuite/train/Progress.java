package io.vggsuite.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long run: a live line on a terminal (epoch, batch, loss, images/s, ETA), one line
 * per epoch in CI logs or when output is not a console, nothing at all when quiet.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean live;
    private final boolean enabled;
    private long lastLiveNanos;

    private Progress(PrintStream out, boolean live, boolean enabled) {
        this.out = out;
        this.live = live;
        this.enabled = enabled;
    }

    /** Live on a terminal, one line per epoch when {@code CI=true} or there is no console. */
    public static Progress forEnvironment() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        return new Progress(System.out, System.console() != null && !ci, true);
    }

    /** One line per epoch and per note to {@code out}: what a CI log gets, for callers that keep it. */
    public static Progress lines(PrintStream out) {
        return new Progress(out, false, true);
    }

    public static Progress quiet() {
        return new Progress(System.out, false, false);
    }

    void batch(String run, int epoch, int maxEpochs, int batch, int batches, double loss, double imagesPerSecond,
            Duration eta) {
        long now = System.nanoTime();
        if (!enabled || !live || now - lastLiveNanos < 250_000_000L) {
            return;
        }
        lastLiveNanos = now;
        out.printf(Locale.ROOT, "\r%s epoch %d/%d batch %d/%d loss %.4f %.0f img/s ETA %s   ",
                run, epoch, maxEpochs, batch, batches, loss, imagesPerSecond, format(eta));
        out.flush();
    }

    void epoch(String run, int epoch, int maxEpochs, double loss, double validationTop1, double imagesPerSecond,
            Duration eta) {
        if (!enabled) {
            return;
        }
        out.printf(Locale.ROOT, "%s%s epoch %d/%d loss %.4f val top-1 %.2f%% %.0f img/s ETA %s%n",
                live ? "\r" : "", run, epoch, maxEpochs, loss, validationTop1, imagesPerSecond, format(eta));
    }

    /** A line that is not per epoch: cached runs, resumes, fallbacks, divergence. */
    public void note(String message) {
        if (enabled) {
            out.println((live ? "\r" : "") + message);
        }
    }

    private static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
