package com.modecon.batch;

/**
 * A failure that is explained to the client in words a person understands. The message never holds a
 * stack trace, a class name or an absolute path outside the batch root.
 */
public abstract class BatchException extends RuntimeException {

    protected BatchException(String message) {
        super(message);
    }

    protected BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
