package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/** Batch 0 is the template every batch is made from; the service never removes it. */
public final class TemplateProtectedException extends BatchException {

    TemplateProtectedException() {
        super("template-protected", "Batch(0) is the template every new batch is copied from and cannot be deleted");
    }
}
