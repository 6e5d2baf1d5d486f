package com.modecon.batch.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.batch.BatchNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchArchivesExportTest {

    private static final long MAX_BYTES = 64L << 20;
    private static final int MAX_ENTRIES = 1000;

    @TempDir
    Path dir;

    @Test
    void export_symbolicLinkInsideBatch_isRefusedBeforeAnythingIsWritten() throws IOException {
        Path batch = sampleBatch(3);
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not part of the batch");
        Files.createSymbolicLink(batch.resolve("Results(3)/escape"), outside);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        UnsupportedBatchEntryException refused = assertThrows(UnsupportedBatchEntryException.class,
                () -> BatchArchives.export(batch, 3, out));
        assertTrue(refused.getMessage().contains("Batch(3)/Results(3)/escape is a symbolic link"),
                refused.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void export_batchFolderThatIsALink_isRefused() throws IOException {
        Path batch = sampleBatch(3);
        Path link = Files.createSymbolicLink(dir.resolve("link"), batch);

        assertThrows(NotDirectoryException.class, () -> BatchArchives.export(link, 3, new ByteArrayOutputStream()));
    }

    @Test
    void export_nameTheImportWouldRefuse_isRefused() throws IOException {
        Path batch = sampleBatch(3);
        Files.writeString(batch.resolve("Results(3)/a\\b.txt"), "x");

        assertThrows(UnsupportedBatchEntryException.class,
                () -> BatchArchives.export(batch, 3, new ByteArrayOutputStream()));
    }

    @Test
    void export_writesEveryEntryBelowTheBatchFolder_foldersIncluded() throws IOException {
        Path zip = exportToFile(sampleBatch(3), 3);

        List<String> names = entryNames(zip);
        assertTrue(names.stream().allMatch(name -> name.startsWith("Batch(3)/")), names.toString());
        assertTrue(names.containsAll(List.of("Batch(3)/", "Batch(3)/Results(3)/", "Batch(3)/.batch.json",
                "Batch(3)/ConfigurationPlotSpec(3)/sub(3)/")), names.toString());
    }

    @Test
    void export_leavesTheCallersStreamOpen() throws IOException {
        Path batch = sampleBatch(3);
        ClosingWatcher out = new ClosingWatcher();

        BatchArchives.export(batch, 3, out);

        assertFalse(out.closed);
        assertTrue(out.size() > 0);
    }

    @Test
    void exportThenExtract_roundTripsContentNamesTimesAndEmptyFolders() throws IOException {
        Path batch = sampleBatch(3);
        Path zip = exportToFile(batch, 3);
        ArchiveInspection inspected = BatchArchives.inspect(zip, MAX_BYTES, MAX_ENTRIES);
        Path target = dir.resolve("imported");

        BatchArchives.extract(zip, inspected, target, 8, MAX_BYTES, MAX_ENTRIES);

        assertEquals(3, inspected.number());
        assertEquals(entryNames(zip).size(), inspected.entryCount());
        assertSameTree(batch, 3, target, 8);
        assertFalse(Files.exists(target.resolve(".batch.json")), "the service writes fresh metadata");
        assertEquals(List.of(), BatchArchivesExtractTest.listing(target.resolve("Results(8)")));
    }

    @Test
    void exportThenExtract_sameNumber_keepsNames() throws IOException {
        Path batch = sampleBatch(5);
        Path zip = exportToFile(batch, 5);
        Path target = dir.resolve("imported");

        BatchArchives.extract(zip, BatchArchives.inspect(zip, MAX_BYTES, MAX_ENTRIES), target, 5, MAX_BYTES,
                MAX_ENTRIES);

        assertSameTree(batch, 5, target, 5);
    }

    /**
     * A batch with a multi-megabyte file (several buffers long), a UTF-8 name, nested folders, an empty results
     * folder, metadata, and times below the second.
     */
    private Path sampleBatch(long n) throws IOException {
        Path batch = Files.createDirectory(dir.resolve(BatchNames.batchFolder(n)));
        Path config = batch.resolve(BatchNames.configurationFolder(n));
        Files.createDirectories(config.resolve("sub(" + n + ")"));
        byte[] big = new byte[(3 << 20) + 12345];
        new Random(n).nextBytes(big);
        Files.write(config.resolve("data(" + n + ").bin"), big);
        Files.writeString(config.resolve("Überblick_ñ_(" + n + ").txt"), "Grüße");
        Files.writeString(config.resolve("sub(" + n + ")").resolve("plot(" + n + ").json"), "{}");
        Files.createFile(config.resolve("empty.txt"));
        Files.createDirectory(batch.resolve(BatchNames.resultsFolder(n)));
        Files.writeString(batch.resolve(".batch.json"), "{\"number\":" + n + "}");
        stampTimes(batch);
        return batch;
    }

    /** Distinct times with milliseconds, set deepest first so a folder's time is not disturbed afterwards. */
    private static void stampTimes(Path batch) throws IOException {
        List<Path> paths;
        try (Stream<Path> all = Files.walk(batch)) {
            paths = new ArrayList<>(all.toList());
        }
        Collections.reverse(paths);
        long millis = Instant.parse("2022-02-03T04:05:06.789Z").toEpochMilli();
        for (Path path : paths) {
            millis += 61_001;
            Files.setLastModifiedTime(path, FileTime.fromMillis(millis));
        }
    }

    private Path exportToFile(Path batch, long number) throws IOException {
        Path zip = dir.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            BatchArchives.export(batch, number, out);
        }
        return zip;
    }

    private static List<String> entryNames(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        }
    }

    /** Same shape, bytes and times, with every (from) in a name read as (to); the metadata file is not expected. */
    private static void assertSameTree(Path source, long from, Path copy, long to) throws IOException {
        List<Path> sources;
        try (Stream<Path> all = Files.walk(source)) {
            sources = all.filter(path -> !path.getFileName().toString().equals(".batch.json")).toList();
        }
        for (Path path : sources) {
            Path copied = copy.resolve(BatchNames.renumber(source.relativize(path).toString(), from, to));
            assertEquals(Files.isDirectory(path), Files.isDirectory(copied), copied.toString());
            if (Files.isRegularFile(path)) {
                assertEquals(-1, Files.mismatch(path, copied), copied.toString());
            }
            assertEquals(Files.getLastModifiedTime(path), Files.getLastModifiedTime(copied), copied.toString());
        }
        try (Stream<Path> all = Files.walk(copy)) {
            assertEquals(sources.size(), all.count(), "no extra entries");
        }
    }

    private static final class ClosingWatcher extends ByteArrayOutputStream {

        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
