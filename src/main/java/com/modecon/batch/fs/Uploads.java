package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;
import static com.modecon.batch.BatchNames.configurationFolder;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Archives uploaded for import, held as files in this instance's staging folder while they are checked and
 * unpacked. Receiving runs on the request's thread, not the writer: a slow upload holds up nobody, and no
 * other code writes into this instance's staging folder.
 */
final class Uploads {

    private final StagingArea staging;
    private final long maxBytes;
    private final int maxEntries;

    Uploads(StagingArea staging, long maxBytes, int maxEntries) {
        this.staging = staging;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Copies the upload to a file, stopping with {@link ArchiveTooLargeException} once it passes the limit. */
    Path receive(InputStream upload) throws IOException {
        Path file = staging.newWorkPath("upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = upload.read(buffer); read >= 0; read = upload.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw ArchiveTooLargeException.upload(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            discard(file);
            throw e;
        }
        return file;
    }

    /** Checks every entry, and that the archive is a batch, before anything is built from it. */
    BatchSource inspect(Path upload) throws IOException {
        ArchiveInspection inspection = BatchArchives.inspect(upload, maxBytes, maxEntries);
        if (!inspection.hasConfiguration()) {
            String configuration = batchFolder(inspection.number()) + "/" + configurationFolder(inspection.number());
            throw new ArchiveRejectedException("it has no " + configuration + "/ folder, which every batch needs");
        }
        return new BatchSource.Archive(upload, inspection);
    }

    void discard(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            Log.warnf("Upload %s could not be removed (%s); it goes with this instance's staging folder once the"
                    + " instance stops", upload, e.getMessage());
        }
    }
}
