package com.modecon.batch.fs;

import com.modecon.batch.BatchException;

/**
 * An uploaded archive is not a batch this service will unpack: a name that leaves its folder, a link, a second
 * top folder, a damaged directory. The client sent it, so the client can fix it; nothing was imported.
 */
public final class ArchiveRejectedException extends BatchException {

    ArchiveRejectedException(String reason) {
        super("archive-rejected", "The archive was refused: " + reason + "; nothing was imported");
    }

    ArchiveRejectedException(String reason, Throwable cause) {
        super("archive-rejected", "The archive was refused: " + reason + "; nothing was imported", cause);
    }
}
