package com.modecon.batch.fs;

import com.modecon.batch.BatchException;
import java.io.IOException;
import java.nio.file.FileSystemException;

/** The file system refused an operation; the message names the place relative to the root and the reason. */
public final class BatchStorageException extends BatchException {

    BatchStorageException(String what, IOException cause) {
        super("storage", what + ": " + reasonOf(cause), cause);
    }

    BatchStorageException(String message) {
        super("storage", message);
    }

    private static String reasonOf(IOException cause) {
        if (cause instanceof FileSystemException fileSystemError && fileSystemError.getReason() != null) {
            return fileSystemError.getReason();
        }
        String simpleName = cause.getClass().getSimpleName().replace("Exception", "");
        return simpleName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
