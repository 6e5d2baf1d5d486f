package com.modecon.batch.fs;

import static com.modecon.testing.ZipFixtures.zipOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.ZipFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchArchivesInspectTest {

    private static final long MAX_BYTES = 8L << 20;
    private static final int MAX_ENTRIES = 100;

    @TempDir
    Path dir;

    @Test
    void inspect_zipSlipEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/../../evil");

        assertRejected(zip, "climbs out");
    }

    @Test
    void inspect_absoluteEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "/etc/evil");

        assertRejected(zip, "absolute");
    }

    @Test
    void inspect_driveLetterEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "C:/Batch(1)/evil");

        assertRejected(zip, "absolute");
    }

    @Test
    void inspect_backslashEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)\\..\\evil");

        assertRejected(zip, "backslash");
    }

    @Test
    void inspect_nulInName_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/a\0.txt");

        ArchiveRejectedException rejected = assertRejected(zip, "control character");
        assertTrue(rejected.getMessage().contains("a\\u0000.txt"), rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Batch(1)/./a", "Batch(1)//a", "Batch(1)/a/..", "Batch(1)/a\n"})
    void inspect_emptyDotOrControlSegment_isRejected(String name) throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), name);

        assertThrows(ArchiveRejectedException.class, () -> inspect(zip));
    }

    @Test
    void inspect_symbolicLinkEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/passwd");
        ZipFixtures.setUnixMode(zip, "Batch(1)/passwd", 0120777);

        assertRejected(zip, "symbolic link");
    }

    @Test
    void inspect_specialFileEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/fifo");
        ZipFixtures.setUnixMode(zip, "Batch(1)/fifo", 0010644);

        assertRejected(zip, "special file");
    }

    @Test
    void inspect_unixRegularFileAndFolderModes_areAccepted() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");
        ZipFixtures.setUnixMode(zip, "Batch(1)/", 0040755);
        ZipFixtures.setUnixMode(zip, "Batch(1)/a.txt", 0100644);

        assertEquals(new ArchiveInspection(1, 2, false), inspect(zip));
    }

    @Test
    void inspect_twoTopFolders_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt", "Batch(2)/", "Batch(2)/b.txt");

        assertRejected(zip, "second top folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Batch(007)/a.txt", "Foo/a.txt", "Batch(0)/a.txt", "batch(1)/a.txt",
            "Batch(99999999999999999999)/a.txt", "a.txt"})
    void inspect_topFolderThatIsNotABatch_isRejected(String name) throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), name);

        assertRejected(zip, "not inside a batch folder");
    }

    @Test
    void inspect_batchFolderNameAsFile_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)");

        assertRejected(zip, "must be a folder");
    }

    @Test
    void inspect_emptyArchive_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"));

        assertRejected(zip, "empty");
    }

    @Test
    void inspect_fileThatIsNotAZip_isRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("a.zip"), "Batch(1)/ is not a zip archive at all");

        assertRejected(file, "not a zip archive");
    }

    @Test
    void inspect_duplicateNames_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt", "Batch(1)/b.txt");
        ZipFixtures.renameInCentral(zip, "Batch(1)/b.txt", "Batch(1)/a.txt");

        assertRejected(zip, "appears more than once");
    }

    @Test
    void inspect_fileAndFolderOfOneName_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a", "Batch(1)/a/");

        assertRejected(zip, "appears more than once");
    }

    @Test
    void inspect_fileUsedAsAFolder_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a", "Batch(1)/a-b", "Batch(1)/a/b.txt");

        assertRejected(zip, "needs it as a folder");
    }

    @Test
    void inspect_invalidUtf8Name_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");
        ZipFixtures.setCentralNameByte(zip, "Batch(1)/a.txt", 9, (byte) 0xFF);

        assertRejected(zip, "not valid UTF-8");
    }

    @Test
    void inspect_encryptedEntry_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt");
        ZipFixtures.setCentralFlags(zip, "Batch(1)/a.txt", 1);

        assertRejected(zip, "encrypted");
    }

    @Test
    void inspect_endRecordCountingFewerEntries_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(1)/", "Batch(1)/a.txt", "Batch(1)/b.txt");
        ZipFixtures.setEndEntryCount(zip, 2);

        assertRejected(zip, "central directory is damaged");
    }

    @Test
    void inspect_moreEntriesThanAllowed_isTooLarge() throws IOException {
        String[] names = IntStream.rangeClosed(0, 5).mapToObj(i -> "Batch(1)/f" + i).toArray(String[]::new);
        Path zip = zipOf(dir.resolve("a.zip"), names);

        assertThrows(ArchiveTooLargeException.class, () -> BatchArchives.inspect(zip, MAX_BYTES, 5));
        assertEquals(6, BatchArchives.inspect(zip, MAX_BYTES, 6).entryCount());
    }

    @Test
    void inspect_honestZipBomb_isTooLargeFromDeclaredSize() throws IOException {
        Path zip = ZipFixtures.zeroBomb(dir.resolve("bomb.zip"), "Batch(1)/zeros.bin", 64L << 20);

        assertTrue(Files.size(zip) < 1 << 20, "the bomb is small on disk");
        assertThrows(ArchiveTooLargeException.class, () -> inspect(zip));
    }

    @Test
    void inspect_validBatch_returnsNumberAndEntryCount() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(12)/", "Batch(12)/ConfigurationPlotSpec(12)/",
                "Batch(12)/ConfigurationPlotSpec(12)/a(12).txt", "Batch(12)/Results(12)/", "Batch(12)/.batch.json");

        assertEquals(new ArchiveInspection(12, 5, true), inspect(zip));
    }

    @Test
    void inspect_entriesWithoutFolderEntries_areAccepted() throws IOException {
        Path zip = zipOf(dir.resolve("a.zip"), "Batch(4)/Results(4)/deep/er/x.txt");

        assertEquals(new ArchiveInspection(4, 1, false), inspect(zip));
    }

    @Test
    void inspect_zip64ArchiveWithManyEntries_isRead() throws IOException {
        // Past 65535 entries the writer must use the ZIP64 end records.
        String[] names = IntStream.range(0, 66_000).mapToObj(i -> "Batch(2)/" + i + "/").toArray(String[]::new);
        Path zip = zipOf(dir.resolve("a.zip"), names);

        assertEquals(new ArchiveInspection(2, 66_000, false), BatchArchives.inspect(zip, MAX_BYTES, 70_000));
        assertThrows(ArchiveTooLargeException.class, () -> BatchArchives.inspect(zip, MAX_BYTES, 65_999));
    }

    private static ArchiveInspection inspect(Path zip) throws IOException {
        return BatchArchives.inspect(zip, MAX_BYTES, MAX_ENTRIES);
    }

    private static ArchiveRejectedException assertRejected(Path zip, String reason) {
        ArchiveRejectedException rejected = assertThrows(ArchiveRejectedException.class, () -> inspect(zip));
        assertTrue(rejected.getMessage().contains(reason), rejected.getMessage());
        return rejected;
    }
    @Test
    void inspect_resultsOrConfigurationAsAFile_isRejected() throws IOException {
        Path results = zipOf(dir.resolve("r.zip"), "Batch(3)/ConfigurationPlotSpec(3)/a.txt", "Batch(3)/Results(3)");
        Path configuration = zipOf(dir.resolve("c.zip"), "Batch(3)/ConfigurationPlotSpec(3)");

        assertThrows(ArchiveRejectedException.class, () -> inspect(results));
        assertThrows(ArchiveRejectedException.class, () -> inspect(configuration));
    }

    @Test
    void inspect_metadataFileUsedAsAFolder_isRejected() throws IOException {
        Path zip = zipOf(dir.resolve("m.zip"), "Batch(3)/ConfigurationPlotSpec(3)/a.txt", "Batch(3)/.batch.json/x");

        assertThrows(ArchiveRejectedException.class, () -> inspect(zip));
    }

    @Test
    void inspect_nameLongerThanAnyFileSystemTakes_isRejectedBeforeItIsRead() throws IOException {
        Path longPart = zipOf(dir.resolve("p.zip"), "Batch(3)/ConfigurationPlotSpec(3)/" + "x".repeat(256));
        Path longName = zipOf(dir.resolve("n.zip"), "Batch(3)/" + "abcdefgh/".repeat(600) + "x");

        assertThrows(ArchiveRejectedException.class, () -> inspect(longPart));
        ArchiveRejectedException error = assertThrows(ArchiveRejectedException.class, () -> inspect(longName));
        assertTrue(error.getMessage().contains("longer than 4096 bytes"), error.getMessage());
    }
}
