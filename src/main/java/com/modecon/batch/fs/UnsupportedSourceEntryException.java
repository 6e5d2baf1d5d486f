package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/**
 * The source of a new batch holds something other than plain files and folders: a symbolic link, a pipe, a
 * device. Links are refused rather than copied: a link inside a batch could lead the programs that read
 * batches to files outside the root. In a template that is a fault of the installation
 * ({@code template-unsupported}); in a batch being cloned, of that batch ({@code batch-unsupported-entry}).
 */
public final class UnsupportedSourceEntryException extends BatchException {

    private UnsupportedSourceEntryException(String reason, String sourceName, String relativePath, String kind) {
        super(reason, sourceName + " holds a " + kind + " at " + relativePath
                + "; only plain files and folders can be copied into a batch, so no batch was created");
    }

    /** How a copy names its source in errors, and which kind of refusal a bad entry in it is. */
    record Source(String name, String refusalReason) {

        static Source template(String templateName) {
            return new Source("The template '" + templateName + "'", "template-unsupported");
        }

        static Source batch(String batchFolder) {
            return new Source(batchFolder, "batch-unsupported-entry");
        }

        UnsupportedSourceEntryException refuse(String relativePath, String kind) {
            return new UnsupportedSourceEntryException(refusalReason, name, relativePath, kind);
        }
    }
}
