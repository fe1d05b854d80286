package io.vggsuite.results;

/** Where a run stands, from its {@code status} file. */
public enum RunStatus {
    /** No status file: still running, or stopped before it finished (resumable). */
    RUNNING,
    /** Trained and evaluated to the end. */
    COMPLETE,
    /** Stopped because the loss became non-finite; see {@link RunFolder#divergence()}. */
    DIVERGED
}
