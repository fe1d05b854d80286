package io.vggsuite.cluster.slurm;

/** A Slurm command that could not run or answered with an error; the message names the command. */
public final class SlurmException extends RuntimeException {

    public SlurmException(String message) {
        super(message);
    }

    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
