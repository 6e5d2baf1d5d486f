package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;

import com.modecon.batch.BatchException;

/** There is no batch folder with the number asked for; it may have been deleted by another request first. */
public final class BatchNotFoundException extends BatchException {

    BatchNotFoundException(long number) {
        super("batch-not-found", number < 1
                ? "There is no batch " + number + "; batches are numbered from 1 and Batch(0) is the template"
                : "There is no " + batchFolder(number) + "; it may have been deleted already");
    }
}
