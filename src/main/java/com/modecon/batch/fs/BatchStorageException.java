package com.modecon.batch.fs;

import com.modecon.batch.BatchException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** The file system refused an operation; the message names the place relative to the root and the reason. */
public final class BatchStorageException extends BatchException {

    BatchStorageException(String what, IOException cause) {
        super("storage", what + ": " + reasonOf(cause), cause);
    }

    BatchStorageException(String message) {
        super("storage", message);
    }

    /** For other layers that meet an I/O failure: the same wording as this exception's messages. */
    public static String describe(IOException cause) {
        return reasonOf(cause);
    }

    /** The operating system's reason ("No space left on device"), or a fixed wording; never a class name. */
    static String reasonOf(IOException cause) {
        if (cause instanceof FileSystemException fileSystemError && fileSystemError.getReason() != null) {
            return fileSystemError.getReason();
        }
        if (cause instanceof NoSuchFileException) {
            return "a file or folder disappeared while it was used";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException) {
            return "a file or folder of that name already exists";
        }
        return "input/output error";
    }
}
