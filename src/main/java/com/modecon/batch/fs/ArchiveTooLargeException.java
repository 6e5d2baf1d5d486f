package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/** An uploaded archive holds more entries, or unpacks to more bytes, than the configured limit allows. */
public final class ArchiveTooLargeException extends BatchException {

    private ArchiveTooLargeException(String message) {
        super("archive-too-large", message);
    }

    static ArchiveTooLargeException entries(int maxEntries) {
        return new ArchiveTooLargeException("The archive holds more than " + maxEntries
                + " entries, the limit for one batch; nothing was imported");
    }

    static ArchiveTooLargeException upload(long maxBytes) {
        return new ArchiveTooLargeException("The upload is larger than " + maxBytes
                + " bytes (batch.import.max-bytes); nothing was imported");
    }

    static ArchiveTooLargeException bytes(long maxBytes) {
        return new ArchiveTooLargeException("The archive unpacks to more than " + maxBytes
                + " bytes, the limit for one batch; nothing was imported");
    }
}
