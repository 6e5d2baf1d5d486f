package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;

import com.modecon.batch.BatchException;

/**
 * A deleted batch cannot go back under its number because something now has that name, usually a new batch:
 * creation fills free numbers, so a deleted batch's number is reused. The trash entry is kept.
 */
public final class RestoreConflictException extends BatchException {

    RestoreConflictException(long number) {
        super("restore-conflict", batchFolder(number) + " cannot be restored: the number " + number
                + " was taken after the deletion (new batches fill free numbers); the deleted batch stays in the"
                + " trash");
    }
}
