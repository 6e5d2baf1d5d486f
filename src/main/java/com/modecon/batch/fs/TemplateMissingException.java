package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/** The template folder every batch is copied from does not exist, so no batch can be made. */
public final class TemplateMissingException extends BatchException {

    TemplateMissingException(String relativePath) {
        super("template-missing",
                "The template folder " + relativePath + " is missing from the batch root; no batch was created");
    }
}
