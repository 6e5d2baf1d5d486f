package com.modecon.batch.fs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One batch in full: its summary plus what is on disk now. {@code fileCount} and {@code totalBytes} count the
 * regular files below the batch folder (the metadata file excluded); {@code hasResults} says whether
 * {@code Results(n)} holds anything.
 */
@RegisterForReflection
public record BatchDetails(long number, UUID id, Instant createdAt, String createdBy, String source,
        long fileCount, long totalBytes, boolean hasResults) {

    /**
     * What is known of a batch just put in place before it is described: its number and id. Answered as it is
     * when the batch cannot be described (removed again at once, say).
     */
    public static BatchDetails placed(long number, UUID id) {
        return new BatchDetails(number, id, null, null, null, 0, 0, false);
    }

    static BatchDetails of(BatchSummary summary, BatchContents contents) {
        return new BatchDetails(summary.number(), summary.id(), summary.createdAt(), summary.createdBy(),
                summary.source(), contents.fileCount(), contents.totalBytes(), contents.hasResults());
    }
}
