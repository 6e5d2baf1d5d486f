package com.modecon.batch.fs;

import static com.modecon.testing.ZipFixtures.zipOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.ZipFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchArchivesExtractTest {

    private static final long MAX_BYTES = 8L << 20;
    private static final int MAX_ENTRIES = 100;

    @TempDir
    Path dir;

    @Test
    void extract_zipBombWhoseDirectoryLiesAboutSize_stopsAtTheLimit() throws IOException {
        Path zip = ZipFixtures.zeroBomb(dir.resolve("bomb.zip"), "Batch(1)/zeros.bin", 64L << 20);
        ZipFixtures.setCentralSize(zip, "Batch(1)/zeros.bin", 100);
        ArchiveInspection inspected = inspect(zip);
        Path target = dir.resolve("target");

        assertThrows(ArchiveTooLargeException.class, () -> extract(zip, inspected, target, 5));
        assertTrue(Files.size(target.resolve("zeros.bin")) <= MAX_BYTES, "nothing beyond the limit is written");
    }

    @Test
    void extract_manyFilesTogetherOverTheLimit_isTooLarge() throws IOException {
        Path zip = dir.resolve("a.zip");
        byte[] threeMiB = new byte[3 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 3; i++) {
                out.putNextEntry(new ZipEntry("Batch(1)/part" + i));
                out.write(threeMiB);
                out.closeEntry();
            }
        }
        for (int i = 0; i < 3; i++) {
            ZipFixtures.setCentralSize(zip, "Batch(1)/part" + i, 1);
        }
        ArchiveInspection inspected = inspect(zip);
        Path target = dir.resolve("target");

        assertThrows(ArchiveTooLargeException.class, () -> extract(zip, inspected, target, 1));
        assertTrue(totalSize(target) <= MAX_BYTES, "the limit applies to the running total");
    }

    @Test
    void extract_honestZipBomb_isTooLargeBeforeAnythingIsWritten() throws IOException {
        Path zip = ZipFixtures.zeroBomb(dir.resolve("bomb.zip"), "Batch(1)/zeros.bin", 64L << 20);
        Path target = dir.resolve("target");

        assertThrows(ArchiveTooLargeException.class,
                () -> extract(zip, new ArchiveInspection(1, 1, false), target, 5));
        assertFalse(Files.exists(target));
    }

    @Test
    void extract_archiveChangedAfterInspection_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");
        ArchiveInspection inspected = inspect(zip);
        zipOf(zip, "Batch(1)/", "Batch(1)/a.txt", "Batch(1)/b.txt");
        Path target = dir.resolve("target");

        assertThrows(ArchiveRejectedException.class, () -> extract(zip, inspected, target, 2));
        assertFalse(Files.exists(target));
    }

    @Test
    void extract_localHeaderNameDiffersFromDirectory_writesOnlyTheValidatedName() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/aaaaaaaaaa");
        ZipFixtures.renameInLocal(zip, "Batch(1)/aaaaaaaaaa", "Batch(1)/../../evil");
        Path target = dir.resolve("batches").resolve("target");
        Files.createDirectories(target.getParent());

        extract(zip, inspect(zip), target, 1);

        assertEquals(List.of("aaaaaaaaaa"), listing(target));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(path -> path.getFileName().toString().equals("evil")));
        }
    }

    @Test
    void extract_damagedEntryData_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a-rather-long-file-name.txt");
        byte[] reservedBlockType = new byte[8];
        Arrays.fill(reservedBlockType, (byte) 0xFF);
        ZipFixtures.overwriteData(zip, "Batch(1)/a-rather-long-file-name.txt", reservedBlockType);

        ArchiveRejectedException rejected = assertThrows(ArchiveRejectedException.class,
                () -> extract(zip, inspect(zip), dir.resolve("target"), 1));
        assertTrue(rejected.getMessage().contains("damaged"), rejected.getMessage());
    }

    @Test
    void extract_namesThatClashAfterRenumbering_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a(1).txt", "Batch(1)/a(2).txt");
        Path target = dir.resolve("target");

        ArchiveRejectedException rejected = assertThrows(ArchiveRejectedException.class,
                () -> extract(zip, inspect(zip), target, 2));
        assertTrue(rejected.getMessage().contains("a(2).txt appears more than once"), rejected.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void extract_existingTarget_failsWithoutTouchingIt() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");
        Path target = Files.createDirectory(dir.resolve("target"));

        assertThrows(FileAlreadyExistsException.class, () -> extract(zip, inspect(zip), target, 1));
        assertEquals(List.of(), listing(target));
    }

    @Test
    void extract_newNumberZero_isRefused() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");

        assertThrows(IllegalArgumentException.class, () -> extract(zip, inspect(zip), dir.resolve("target"), 0));
    }

    @Test
    void extract_renumbersFilesAndFolders_leavingOtherNumbersAlone() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/ConfigurationPlotSpec(1)/",
                "Batch(1)/ConfigurationPlotSpec(1)/plot(1)(1).json", "Batch(1)/ConfigurationPlotSpec(1)/data(10).csv",
                "Batch(1)/ConfigurationPlotSpec(1)/sub(1)/x(1).txt", "Batch(1)/Results(1)/");
        Path target = dir.resolve("target");

        extract(zip, inspect(zip), target, 42);

        assertEquals(List.of("ConfigurationPlotSpec(42)", "Results(42)"), listing(target));
        Path config = target.resolve("ConfigurationPlotSpec(42)");
        assertEquals(List.of("data(10).csv", "plot(42)(42).json", "sub(42)"), listing(config));
        assertEquals("Batch(1)/ConfigurationPlotSpec(1)/sub(1)/x(1).txt",
                Files.readString(config.resolve("sub(42)").resolve("x(42).txt")), "contents are not renumbered");
    }

    @Test
    void extract_utf8Names_roundTrip() throws IOException {
        String name = "Batch(3)/ConfigurationPlotSpec(3)/Überblick_ñ_(3).txt";
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(3)/", "Batch(3)/ConfigurationPlotSpec(3)/", name,
                "Batch(3)/Résultats_日本語(3)/");
        Path target = dir.resolve("target");

        extract(zip, inspect(zip), target, 4);

        Path file = target.resolve("ConfigurationPlotSpec(4)").resolve("Überblick_ñ_(4).txt");
        assertEquals(name, Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(Files.isDirectory(target.resolve("Résultats_日本語(4)")));
    }

    @Test
    void extract_topLevelMetadata_isSkippedButNestedCopiesAreKept() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/.batch.json", "Batch(1)/Results(1)/",
                "Batch(1)/Results(1)/.batch.json");
        Path target = dir.resolve("target");

        extract(zip, inspect(zip), target, 2);

        assertEquals(List.of("Results(2)"), listing(target));
        assertEquals(List.of(".batch.json"), listing(target.resolve("Results(2)")));
    }

    @Test
    void extract_entriesWithoutFolderEntries_createTheirFolders() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(4)/Results(4)/deep/er/x.txt");
        Path target = dir.resolve("target");

        extract(zip, inspect(zip), target, 5);

        assertTrue(Files.isRegularFile(target.resolve("Results(5)/deep/er/x.txt")));
    }

    @Test
    void extract_restoresFileAndFolderTimes() throws IOException {
        // Whole seconds: a plain ZipOutputStream keeps no finer time (the export adds a finer field, tested there).
        FileTime folderTime = FileTime.from(Instant.parse("2019-05-06T07:08:09Z"));
        FileTime fileTime = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
        Path zip = dir.resolve("a.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            putWithTime(out, "Batch(1)/", folderTime);
            putWithTime(out, "Batch(1)/Results(1)/", folderTime);
            putWithTime(out, "Batch(1)/Results(1)/r.txt", fileTime);
        }
        Path target = dir.resolve("target");

        extract(zip, inspect(zip), target, 1);

        assertEquals(folderTime, Files.getLastModifiedTime(target));
        assertEquals(folderTime, Files.getLastModifiedTime(target.resolve("Results(1)")));
        assertEquals(fileTime, Files.getLastModifiedTime(target.resolve("Results(1)/r.txt")));
    }

    private static void putWithTime(ZipOutputStream out, String name, FileTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        out.putNextEntry(entry);
        out.closeEntry();
    }

    private static ArchiveInspection inspect(Path zip) throws IOException {
        return BatchArchives.inspect(zip, MAX_BYTES, MAX_ENTRIES);
    }

    private static void extract(Path zip, ArchiveInspection inspected, Path target, long newNumber)
            throws IOException {
        BatchArchives.extract(zip, inspected, target, newNumber, MAX_BYTES, MAX_ENTRIES);
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    private static long totalSize(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
