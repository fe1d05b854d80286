package io.vggsuite.data;

/**
 * Data that is missing, corrupt or inconsistent. The message always names the file (or archive
 * entry) and the offending value, so that whoever reads it can fix the data without a debugger.
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
