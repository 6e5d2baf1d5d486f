package com.modecon.batch.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TemplateFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deleting into and restoring from {@code .trash}, on real temporary roots; each test builds its own. */
class TrashAreaTest {

    private static final Instant DELETED = Instant.parse("2024-06-01T10:00:00.000000001Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    @TempDir
    Path root;

    @Test
    void moveToTrash_missingBatch_failsWithNotFoundAndLeavesNoEntry() throws IOException {
        TrashArea trash = new TrashArea(root);

        BatchNotFoundException error = assertThrows(BatchNotFoundException.class,
                () -> trash.moveToTrash(7, "ann", DELETED));

        assertTrue(error.getMessage().contains("Batch(7)"), error.getMessage());
        assertEquals(List.of(), trashFolders());
    }

    @Test
    void moveToTrash_fileOrLinkNamedLikeABatch_failsWithNotFoundAndMovesNothing() throws IOException {
        Files.writeString(root.resolve("Batch(2)"), "a file, not a batch");
        Files.createSymbolicLink(root.resolve("Batch(3)"), makeBatch(root.resolve("outside"), 3));
        TrashArea trash = new TrashArea(root);

        assertThrows(BatchNotFoundException.class, () -> trash.moveToTrash(2, "ann", DELETED));
        assertThrows(BatchNotFoundException.class, () -> trash.moveToTrash(3, "ann", DELETED));

        assertTrue(Files.isRegularFile(root.resolve("Batch(2)"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(root.resolve("Batch(3)")));
        assertEquals(List.of(), trashFolders());
    }

    @Test
    void moveToTrash_template_failsWithNotFoundAndLeavesTheTemplate() {
        TemplateFixture.writeTemplate(root);
        TrashArea trash = new TrashArea(root);

        BatchNotFoundException error = assertThrows(BatchNotFoundException.class,
                () -> trash.moveToTrash(0, "ann", DELETED));

        assertTrue(error.getMessage().contains("template"), error.getMessage());
        assertTrue(Files.isDirectory(TemplateFixture.template(root)));
    }

    @Test
    void moveToTrash_trashFolderIsALink_isRefusedAndTheBatchStays() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve(".trash"), elsewhere);
        makeBatch(root, 1);
        TrashArea trash = new TrashArea(root);

        assertThrows(NotDirectoryException.class, () -> trash.moveToTrash(1, "ann", DELETED));

        assertTrue(Files.isDirectory(root.resolve("Batch(1)/Results(1)")));
        assertEquals(List.of(), Roots.childNames(elsewhere));
    }

    @Test
    void restore_unknownId_failsWithNotFound() throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        trash.moveToTrash(1, "ann", DELETED);
        UUID unknown = UUID.randomUUID();

        TrashEntryNotFoundException error = assertThrows(TrashEntryNotFoundException.class,
                () -> trash.restore(unknown));

        assertTrue(error.getMessage().contains(unknown.toString()), error.getMessage());
        assertEquals(1, trash.list().size());
    }

    @Test
    void restore_entryRestoredAlready_failsWithNotFound() throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        TrashEntry entry = trash.moveToTrash(1, "ann", DELETED);
        new TrashArea(root).restore(entry.id());

        assertThrows(TrashEntryNotFoundException.class, () -> trash.restore(entry.id()));

        assertTrue(Files.isDirectory(root.resolve("Batch(1)/Results(1)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new batch", "empty folder", "file", "link"})
    void restore_numberTakenMeanwhile_failsWithConflictAndKeepsTheEntry(String occupant) throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        TrashEntry entry = trash.moveToTrash(1, "ann", DELETED);
        Path taken = occupy(root.resolve("Batch(1)"), occupant);
        Map<String, String> occupantBefore = snapshot(root);

        RestoreConflictException error = assertThrows(RestoreConflictException.class,
                () -> trash.restore(entry.id()));

        assertTrue(error.getMessage().contains("Batch(1)") && error.getMessage().contains("taken"),
                error.getMessage());
        assertEquals(List.of(entry), trash.list());
        assertEquals(occupantBefore, snapshot(root), "the restore changed " + taken);
    }

    @Test
    void list_withoutATrashFolder_isEmpty() throws IOException {
        assertEquals(List.of(), new TrashArea(root).list());
    }

    @Test
    void list_ignoresCrashLeftovers_andSweepRemovesThem() throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        TrashEntry kept = trash.moveToTrash(1, "ann", DELETED);
        Path withEntryFile = leftover(5, Instant.now().minus(Duration.ofHours(1)));
        Path withTemporaryFileOnly = Files.createDirectory(root.resolve(".trash/" + UUID.randomUUID()));
        Files.writeString(withTemporaryFileOnly.resolve(".entry.json." + UUID.randomUUID() + ".tmp"), "{\"id");
        Files.setLastModifiedTime(withTemporaryFileOnly, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertEquals(List.of(kept), trash.list());
        assertEquals(2, trash.sweep(Instant.now(), GRACE));

        assertFalse(Files.exists(withEntryFile));
        assertEquals(List.of(kept.id().toString()), trashFolders());
        assertEquals(List.of(kept), trash.list());
    }

    @Test
    void sweep_youngLeftoverOfADeleteInFlight_isKept() throws IOException {
        Path inFlight = leftover(5, Instant.now());

        assertEquals(0, new TrashArea(root).sweep(Instant.now(), GRACE));

        assertTrue(Files.exists(inFlight.resolve("entry.json")));
    }

    @Test
    void sweep_oldEntryHoldingABatch_isKept() throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        TrashEntry entry = trash.moveToTrash(1, "ann", DELETED);
        Path folder = root.resolve(".trash/" + entry.id());
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        assertEquals(0, trash.sweep(Instant.now(), GRACE));

        assertEquals(List.of(entry), trash.list());
    }

    @Test
    void sweep_interruptedSweepsFolderHoldingABatch_isPutBackAndListed() throws IOException {
        TrashArea trash = new TrashArea(root);
        makeBatch(root, 1);
        TrashEntry entry = trash.moveToTrash(1, "ann", DELETED);
        Path trashFolder = root.resolve(".trash");
        Files.move(trashFolder.resolve(entry.id().toString()), trashFolder.resolve(".doomed-" + entry.id()));
        assertEquals(List.of(), trash.list());

        assertEquals(0, trash.sweep(Instant.now(), GRACE));

        assertEquals(List.of(entry), trash.list());
    }

    @Test
    void sweep_interruptedSweepsFolderWithoutABatch_isRemoved() throws IOException {
        Path left = leftover(5, Instant.now());
        Files.move(left, left.resolveSibling(".doomed-" + left.getFileName()));

        assertEquals(1, new TrashArea(root).sweep(Instant.now(), GRACE));

        assertEquals(List.of(), trashFolders());
    }

    @Test
    void moveListRestore_roundTrip_keepsEveryByteAndTheNumber() throws IOException {
        TemplateFixture.writeTemplate(root);
        BatchFileSystem fileSystem = new BatchFileSystem(root, GRACE, "me");
        fileSystem.createNext(1000, BatchSource.defaultTemplate(), null, (gap, id) -> { });
        fileSystem.createNext(1000, BatchSource.defaultTemplate(), null, (gap, id) -> { });
        Files.write(root.resolve("Batch(2)/Results(2)/plot(2).png"), new byte[] {1, 2, 3});
        MetadataFile.write(root.resolve("Batch(2)"), new BatchMetadata(UUID.randomUUID(), 2, DELETED, null, "import"));
        Map<String, String> before = snapshot(root.resolve("Batch(2)"));
        BatchContents contentsBefore = BatchContents.of(root.resolve("Batch(2)"), 2);
        TrashArea trash = new TrashArea(root);

        TrashEntry deleted = trash.moveToTrash(2, "ann", DELETED);
        assertFalse(Files.exists(root.resolve("Batch(2)"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(new TrashEntry(deleted.id(), 2, DELETED, "ann")), trash.list());
        TrashEntry restored = trash.restore(deleted.id());

        assertEquals(deleted, restored);
        assertEquals(before, snapshot(root.resolve("Batch(2)")));
        assertEquals(contentsBefore, BatchContents.of(root.resolve("Batch(2)"), 2), "counts or folder time changed");
        assertEquals(List.of(), trash.list());
        assertEquals(List.of(), trashFolders());
        TemplateFixture.assertCompleteBatch(root, 1);
    }

    @Test
    void list_sortsByDeletionTimeThenNumber() throws IOException {
        TrashArea trash = new TrashArea(root);
        for (long n = 1; n <= 4; n++) {
            makeBatch(root, n);
        }
        Instant later = DELETED.plusSeconds(60);
        TrashEntry fourLate = trash.moveToTrash(4, null, later);
        TrashEntry threeEarly = trash.moveToTrash(3, "ann", DELETED);
        TrashEntry oneLate = trash.moveToTrash(1, "bob", later);
        TrashEntry twoEarly = trash.moveToTrash(2, null, DELETED);

        assertEquals(List.of(twoEarly, threeEarly, oneLate, fourLate), trash.list());
    }

    @Test
    void twoProcessesDeletingOneBatchAtOnce_exactlyOneSucceeds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (long n = 1; n <= 30; n++) {
                makeBatch(root, n);
                CyclicBarrier start = new CyclicBarrier(2);
                long number = n;
                Future<Boolean> first = threads.submit(() -> deleted(new TrashArea(root), number, start));
                Future<Boolean> second = threads.submit(() -> deleted(new TrashArea(root), number, start));
                assertTrue(first.get() ^ second.get(), "round " + n + ": not exactly one delete succeeded");
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(30, new TrashArea(root).list().size());
        assertEquals(30, trashFolders().size(), "half-made entries were left: " + trashFolders());
        assertEquals(List.of(), Roots.batchNames(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "", " ", "not-a-uuid", "..", "/etc", "1-1-1-1-1",
        "7D5E8D2A-5B7E-4D8E-9A53-2F1B6F0C3E11",
        "{7d5e8d2a-5b7e-4d8e-9a53-2f1b6f0c3e11}",
        "7d5e8d2a-5b7e-4d8e-9a53-2f1b6f0c3e11/..",
        "7d5e8d2a-5b7e-4d8e-9a53-2f1b6f0c3e11\n",
        "urn:uuid:7d5e8d2a-5b7e-4d8e-9a53-2f1b6f0c3e11",
        "7d5e8d2a5b7e4d8e9a532f1b6f0c3e11"})
    void parseId_nonCanonicalText_isRejected(String text) {
        assertEquals(Optional.empty(), TrashArea.parseId(text));
    }

    @Test
    void parseId_null_isRejected_andCanonicalTextIsAccepted() {
        UUID id = UUID.randomUUID();

        assertEquals(Optional.empty(), TrashArea.parseId(null));
        assertEquals(Optional.of(id), TrashArea.parseId(id.toString()));
    }

    private static boolean deleted(TrashArea trash, long number, CyclicBarrier start) throws Exception {
        start.await();
        try {
            trash.moveToTrash(number, Thread.currentThread().getName(), Instant.now());
            return true;
        } catch (BatchNotFoundException lost) {
            return false;
        }
    }

    /** A small batch: one file in ConfigurationPlotSpec(n) and an empty Results(n). */
    private static Path makeBatch(Path parent, long number) throws IOException {
        Path batch = parent.resolve("Batch(" + number + ")");
        Path configuration = Files.createDirectories(batch.resolve("ConfigurationPlotSpec(" + number + ")"));
        Files.writeString(configuration.resolve("inputs.txt"), "inputs of " + number);
        Files.createDirectory(batch.resolve("Results(" + number + ")"));
        return batch;
    }

    /** An entry folder whose batch never arrived (a crash before the commit point), last touched at {@code touched}. */
    private Path leftover(long number, Instant touched) throws IOException {
        UUID id = UUID.randomUUID();
        Path folder = Files.createDirectories(root.resolve(".trash/" + id));
        JsonFiles.writeAtomically(folder.resolve("entry.json"), new TrashEntry(id, number, DELETED, null));
        Files.setLastModifiedTime(folder, FileTime.from(touched));
        return folder;
    }

    private Path occupy(Path target, String occupant) throws IOException {
        switch (occupant) {
            case "new batch" -> makeBatch(root, 1);
            case "empty folder" -> Files.createDirectory(target);
            case "file" -> Files.writeString(target, "not a batch");
            case "link" -> Files.createSymbolicLink(target, root.resolve("nowhere"));
            default -> throw new IllegalArgumentException(occupant);
        }
        return target;
    }

    private List<String> trashFolders() {
        Path trash = root.resolve(".trash");
        return Files.isDirectory(trash) ? Roots.childNames(trash) : List.of();
    }

    /** Every entry below {@code top} outside the trash: its kind, a digest of its bytes and its modification time. */
    private static Map<String, String> snapshot(Path top) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        TemplateFixture.listing(top).forEach((name, path) -> {
            if (!name.startsWith(".trash")) {
                entries.put(name, describe(path));
            }
        });
        return entries;
    }

    private static String describe(Path path) {
        try {
            FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(path)) {
                return "link to " + Files.readSymbolicLink(path);
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return "folder " + time;
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
            return "file " + HexFormat.of().formatHex(digest) + " " + time;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
