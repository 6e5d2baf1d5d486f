package com.modecon.batch;

/**
 * A failure that is explained to the client in words a person understands. The message never holds a
 * stack trace, a class name or an absolute path outside the batch root.
 */
public abstract class BatchException extends RuntimeException {

    private final String reason;

    /**
     * @param reason a short kebab-case code for the kind of refusal, stable across messages: the metrics tag
     *     and the last segment of a problem type
     */
    protected BatchException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    protected BatchException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
