package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.resultsFolder;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What one batch folder holds, found by a single walk that never follows a link: a link counts as nothing,
 * whatever it points to, and a linked folder is not entered.
 *
 * @param fileCount regular files anywhere in the batch, the service's own {@code .batch.json} excluded
 * @param totalBytes their sizes added up
 * @param hasResults whether {@code Results(n)} is a folder holding at least one entry of any kind
 * @param folderModifiedAt the batch folder's own modification time, the creation time to show for a batch without
 *                         metadata; it changes only when an entry directly inside the batch folder is added,
 *                         removed or renamed, not when engines fill {@code Results(n)}
 */
public record BatchContents(long fileCount, long totalBytes, boolean hasResults, Instant folderModifiedAt) {

    /**
     * Walks {@code batchFolder}, which holds batch {@code number}. Entries that vanish during the walk (an engine
     * removing its scratch files) are skipped.
     *
     * @throws NoSuchFileException when the batch folder itself is gone
     * @throws NotDirectoryException when the batch folder is a link or a file
     * @throws IOException when a part of the batch cannot be read
     */
    static BatchContents of(Path batchFolder, long number) throws IOException {
        Counter counter = new Counter(batchFolder, batchFolder.resolve(resultsFolder(number)));
        // No FOLLOW_LINKS option: links are reported as themselves and never entered.
        Files.walkFileTree(batchFolder, counter);
        if (counter.folderModifiedAt == null) {
            throw new NotDirectoryException(batchFolder.toString());
        }
        return new BatchContents(counter.files, counter.bytes, counter.hasResults, counter.folderModifiedAt);
    }

    private static final class Counter extends SimpleFileVisitor<Path> {

        private final Path top;
        private final Path results;
        private long files;
        private long bytes;
        private boolean hasResults;
        private Instant folderModifiedAt;

        Counter(Path top, Path results) {
            this.top = top;
            this.results = results;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir.equals(top)) {
                folderModifiedAt = attributes.lastModifiedTime().toInstant();
            } else {
                noteResult(dir);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            noteResult(file);
            if (attributes.isRegularFile() && !isMetadata(file)) {
                files++;
                bytes += attributes.size();
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
            if (failure instanceof NoSuchFileException && !file.equals(top)) {
                return FileVisitResult.CONTINUE;
            }
            throw failure;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
            if (failure != null && !(failure instanceof NoSuchFileException)) {
                throw failure;
            }
            return FileVisitResult.CONTINUE;
        }

        private void noteResult(Path entry) {
            if (results.equals(entry.getParent())) {
                hasResults = true;
            }
        }

        /** {@code .batch.json} and the temporary files it is written through, directly in the batch folder. */
        private boolean isMetadata(Path file) {
            return top.equals(file.getParent()) && file.getFileName().toString().startsWith(MetadataFile.NAME);
        }
    }
}
