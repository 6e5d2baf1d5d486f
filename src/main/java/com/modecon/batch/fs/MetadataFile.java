package com.modecon.batch.fs;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The hidden file {@code .batch.json} directly inside {@code Batch(n)}. It never goes into
 * {@code ConfigurationPlotSpec(n)} or {@code Results(n)}, whose contents other programs read.
 */
final class MetadataFile {

    static final String NAME = ".batch.json";

    private MetadataFile() {
    }

    /**
     * Replaces the metadata in one atomic rename (see {@link JsonFiles#writeAtomically}). Best called on the
     * staged folder before it is moved into place, so the batch appears with its metadata.
     *
     * @throws NotDirectoryException when {@code batchFolder} is a link or a file: nothing is written through it
     */
    static void write(Path batchFolder, BatchMetadata metadata) throws IOException {
        if (!Files.isDirectory(batchFolder, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(batchFolder, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(batchFolder.toString());
            }
            throw new NotDirectoryException(batchFolder.toString());
        }
        JsonFiles.writeAtomically(batchFolder.resolve(NAME), metadata);
    }

    /**
     * The batch's metadata, or empty when it has none (made by the old service) or when the file cannot be
     * used: damaged, unreadable, or a link. A {@code batchFolder} that is a link is not read through either.
     * Never fails, so one bad file cannot break a listing.
     */
    static Optional<BatchMetadata> read(Path batchFolder) {
        if (!Files.isDirectory(batchFolder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path file = batchFolder.resolve(NAME);
        try {
            return Optional.of(JsonFiles.read(file, BatchMetadata.class));
        } catch (NoSuchFileException noMetadata) {
            return Optional.empty();
        } catch (IOException e) {
            Log.warnf("Metadata %s cannot be used (%s); the batch is shown without it", file, JsonFiles.reasonOf(e));
            return Optional.empty();
        }
    }
}
