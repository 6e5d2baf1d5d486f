package com.modecon.batch;

/** Filling the missing numbers below the highest batch would create more batches than allowed at once. */
public final class GapLimitExceededException extends BatchException {

    public GapLimitExceededException(long missing, long highest, int limit) {
        super("gap-limit", "Creating the next batch would first fill " + missing + " missing batches below "
                + BatchNames.batchFolder(highest) + ", more than the limit of " + limit
                + " (batch.max-gap-fill); remove or rename " + BatchNames.batchFolder(highest)
                + " if it was made by mistake");
    }
}
