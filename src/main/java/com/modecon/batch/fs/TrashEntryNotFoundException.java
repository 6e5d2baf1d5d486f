package com.modecon.batch.fs;

import com.modecon.batch.BatchException;
import java.util.UUID;

/** The trash holds no deleted batch under the id asked for; it may have been restored already. */
public final class TrashEntryNotFoundException extends BatchException {

    TrashEntryNotFoundException(UUID id) {
        super("trash-entry-not-found",
                "The trash holds no deleted batch with the id " + id + "; it may have been restored already");
    }
}
