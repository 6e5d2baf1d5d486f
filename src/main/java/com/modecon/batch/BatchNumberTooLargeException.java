package com.modecon.batch;

/** A version name, or the next number after it, does not fit the 64-bit numbers this service counts in. */
public final class BatchNumberTooLargeException extends BatchException {

    public BatchNumberTooLargeException(String folderName) {
        super("number-too-large", folderName + " has a number too large for this service (the largest is "
                + Long.MAX_VALUE + "); rename or remove that folder");
    }
}
