package com.modecon.batch.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting what a batch holds, on real temporary folders. */
class BatchContentsTest {

    @TempDir
    Path root;

    @Test
    void of_missingBatch_fails() {
        assertThrows(NoSuchFileException.class, () -> BatchContents.of(root.resolve("Batch(9)"), 9));
    }

    @Test
    void of_batchThatIsALinkToAFolder_failsWithoutLookingInside() throws IOException {
        Path outside = batchWithFiles(root.resolve("outside"), 1);
        Path link = Files.createSymbolicLink(root.resolve("Batch(2)"), outside);

        assertThrows(NotDirectoryException.class, () -> BatchContents.of(link, 2));
    }

    @Test
    void of_freshBatch_countsNestedFilesAndHasNoResults() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);

        BatchContents contents = BatchContents.of(batch, 1);

        assertEquals(3, contents.fileCount());
        assertEquals(10 + 200 + 3000, contents.totalBytes());
        assertFalse(contents.hasResults());
    }

    @Test
    void of_batchWithMetadata_leavesTheMetadataFileOutOfTheCounts() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);
        MetadataFile.write(batch, new BatchMetadata(UUID.randomUUID(), 1, Instant.now(), null, "import"));

        BatchContents contents = BatchContents.of(batch, 1);

        assertEquals(3, contents.fileCount());
        assertEquals(3210, contents.totalBytes());
    }

    @Test
    void of_linksToABigFileAndAFolderOutside_countAsNothing() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);
        Path outside = batchWithFiles(root.resolve("outside"), 1);
        Files.write(outside.resolve("big.bin"), new byte[1_000_000]);
        Path configuration = batch.resolve("ConfigurationPlotSpec(1)");
        Files.createSymbolicLink(configuration.resolve("big-link.bin"), outside.resolve("big.bin"));
        Files.createSymbolicLink(configuration.resolve("folder-link"), outside);

        BatchContents contents = BatchContents.of(batch, 1);

        assertEquals(3, contents.fileCount());
        assertEquals(3210, contents.totalBytes());
    }

    @Test
    void of_resultsHoldingOnlyAnEmptyFolder_hasResults() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);
        Files.createDirectory(batch.resolve("Results(1)/run-1"));

        BatchContents contents = BatchContents.of(batch, 1);

        assertTrue(contents.hasResults());
        assertEquals(3, contents.fileCount());
    }

    @Test
    void of_resultsHoldingAFile_hasResultsAndCountsTheFile() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(4)"), 4);
        Files.write(batch.resolve("Results(4)/plot(4).png"), new byte[50]);

        BatchContents contents = BatchContents.of(batch, 4);

        assertTrue(contents.hasResults());
        assertEquals(4, contents.fileCount());
        assertEquals(3260, contents.totalBytes());
    }

    @Test
    void of_anotherNumbersResultsFolder_isNotTheResults() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);
        Files.write(Files.createDirectory(batch.resolve("Results(2)")).resolve("stray.txt"), new byte[1]);

        assertFalse(BatchContents.of(batch, 1).hasResults());
    }

    @Test
    void of_reportsTheBatchFoldersModificationTime() throws IOException {
        Path batch = batchWithFiles(root.resolve("Batch(1)"), 1);
        Instant modified = Instant.parse("2022-02-03T04:05:06.123456789Z");
        Files.setLastModifiedTime(batch, FileTime.from(modified));

        assertEquals(modified, BatchContents.of(batch, 1).folderModifiedAt());
    }

    /** A batch with three files (10, 200 and 3000 bytes) in nested folders and an empty Results(n). */
    private static Path batchWithFiles(Path batch, long number) throws IOException {
        Path configuration = Files.createDirectories(batch.resolve("ConfigurationPlotSpec(" + number + ")"));
        Path deep = Files.createDirectories(configuration.resolve("Inputs/Deep"));
        Files.write(configuration.resolve("a.txt"), new byte[10]);
        Files.write(configuration.resolve("Inputs/b.csv"), new byte[200]);
        Files.write(deep.resolve("c.bin"), new byte[3000]);
        Files.createDirectory(batch.resolve("Results(" + number + ")"));
        return batch;
    }
}
