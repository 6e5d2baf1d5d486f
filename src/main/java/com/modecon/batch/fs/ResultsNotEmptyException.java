package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;
import static com.modecon.batch.BatchNames.resultsFolder;

import com.modecon.batch.BatchException;

/** A delete without {@code force} found results that a calculation engine produced. */
public final class ResultsNotEmptyException extends BatchException {

    ResultsNotEmptyException(long number) {
        super("results-not-empty", batchFolder(number) + "/" + resultsFolder(number)
                + " holds results; delete with ?force=true to move the batch to the trash anyway");
    }
}
