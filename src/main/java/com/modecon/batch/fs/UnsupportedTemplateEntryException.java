package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/**
 * A template (or a batch being cloned) holds something other than plain files and folders: a symbolic
 * link, a pipe, a device.
 * Links are refused rather than copied: a link inside a batch could lead the programs that read batches to
 * files outside the root.
 */
public final class UnsupportedTemplateEntryException extends BatchException {

    UnsupportedTemplateEntryException(String sourceName, String relativePath, String kind) {
        super("template-unsupported", sourceName + " holds a " + kind + " at " + relativePath
                + "; only plain files and folders can be copied into a batch, so no batch was created");
    }
}
