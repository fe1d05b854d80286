package io.vggsuite.results;

import java.nio.file.Path;

/** A results file that cannot be read as its format says: names the file and, where known, the line. */
public final class ResultsFileException extends RuntimeException {

    private final transient Path file;

    ResultsFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    ResultsFileException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
    }

    ResultsFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
