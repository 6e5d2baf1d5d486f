package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/**
 * A batch holds something that cannot go into an archive: a symbolic link, a special file, or a name the import
 * would refuse. Links are refused rather than followed, since following one could put files from outside the
 * root into the archive.
 */
public final class UnsupportedBatchEntryException extends BatchException {

    UnsupportedBatchEntryException(String entryName, String problem) {
        super("batch-unsupported-entry", ArchiveEntryRules.shown(entryName) + " " + problem
                + "; only plain files and folders with portable names can be exported, so no archive was written");
    }
}
