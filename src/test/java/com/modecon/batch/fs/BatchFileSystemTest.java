package com.modecon.batch.fs;

import static com.modecon.testing.TemplateFixture.assertCompleteBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TemplateFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchFileSystem on real temporary roots, without the HTTP layer. */
class BatchFileSystemTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @TempDir
    Path root;

    @Test
    void prepare_createsAMissingRootAndThisInstancesStagingFolder() {
        Path missing = root.resolve("not/yet/there");
        BatchFileSystem fileSystem = new BatchFileSystem(missing, STALE_AFTER, "me");

        fileSystem.prepare();

        assertTrue(Files.isDirectory(missing.resolve(".staging/me")));
    }

    @Test
    void prepare_removesDeadInstancesStagingButKeepsALiveNeighbours() throws IOException {
        Path dead = leftover("dead-instance", Instant.now().minus(Duration.ofHours(1)));
        Path neighbour = leftover("live-neighbour", Instant.now().minusSeconds(10));
        Path interruptedSweep = leftover(".doomed-1234", Instant.now());

        new BatchFileSystem(root, STALE_AFTER, "me").prepare();

        assertFalse(Files.exists(dead), "a dead instance's leftover survived");
        assertFalse(Files.exists(interruptedSweep), "an interrupted sweep's leftover survived");
        assertTrue(Files.exists(neighbour.resolve("work-1/ConfigurationPlotSpec(1)/half.txt")),
                "a live neighbour's work in flight was destroyed");
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void linkedStagingFolder_isNeverWrittenThrough(@TempDir Path outside) throws IOException {
        TemplateFixture.writeTemplate(root);
        Files.createSymbolicLink(root.resolve(".staging"), outside);
        BatchFileSystem fileSystem = new BatchFileSystem(root, STALE_AFTER, "me");

        assertThrows(BatchStorageException.class, fileSystem::prepare);
        assertThrows(BatchStorageException.class,
                () -> fileSystem.createNext(1000, BatchSource.defaultTemplate(), null, (gap, id) -> { }));

        assertEquals(List.of(), Roots.childNames(outside));
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        assertEquals(List.of(".staging in the batch root is a link or a file; it must be a real folder"),
                fileSystem.problems());
    }

    @Test
    void failedCopy_leavesNeitherABatchNorStagingWork() throws Exception {
        TemplateFixture.writeTemplate(root);
        Path pipe = TemplateFixture.template(root).resolve("pipe(0)");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        BatchFileSystem fileSystem = prepared("me");

        UnsupportedSourceEntryException error = assertThrows(UnsupportedSourceEntryException.class,
                () -> fileSystem.createNext(1000, BatchSource.defaultTemplate(), null, (gap, id) -> { }));

        assertTrue(error.getMessage().contains("special file at ConfigurationPlotSpec(0)/pipe(0)"), error.getMessage());
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void creation_answersTheNumberAndTheGapsItFilled() throws IOException {
        TemplateFixture.writeTemplate(root);
        Files.writeString(Files.createDirectory(root.resolve("Batch(3)")).resolve("keep.txt"), "keep");
        BatchFileSystem fileSystem = prepared("me");

        List<Long> toldOf = new ArrayList<>();

        Creation creation = fileSystem.createNext(1000, BatchSource.defaultTemplate(), "tester",
                (gap, id) -> toldOf.add(gap));

        assertEquals(4, creation.number());
        assertEquals(List.of(1L, 2L), creation.filledGaps());
        assertEquals(List.of(1L, 2L), toldOf);
        assertEquals(creation.id(), MetadataFile.read(root.resolve("Batch(4)")).orElseThrow().id());
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void twoInstancesOnOneRoot_neverHandOutTheSameNumber() throws Exception {
        TemplateFixture.writeTemplate(root);
        BatchFileSystem first = prepared("first");
        BatchFileSystem second = prepared("second");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> createMany(first, start, 25, numbers));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> createMany(second, start, 25, numbers));
        CompletableFuture.allOf(a, b).join();

        assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), numbers.stream().sorted().toList());
        numbers.forEach(n -> assertCompleteBatch(root, n));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void scan_countsOnlyRealFoldersAsVersionsButEveryNameAsTaken() throws IOException {
        Files.createDirectories(root.resolve("Batch(1)"));
        Files.writeString(root.resolve("Batch(2)"), "file");
        Files.createSymbolicLink(root.resolve("Batch(3)"), root.resolve("Batch(1)"));
        Files.createDirectories(root.resolve("Batch(04)"));

        RootScan scan = new BatchFileSystem(root, STALE_AFTER, "me").scan();

        assertEquals(List.of(1L), List.copyOf(scan.versions()));
        assertEquals(List.of(1L, 2L, 3L), scan.taken().stream().sorted().toList());
    }

    private void createMany(BatchFileSystem fileSystem, CyclicBarrier start, int count, List<Long> numbers) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < count; i++) {
            numbers.add(fileSystem.createNext(1000, BatchSource.defaultTemplate(), null, (gap, id) -> { }).number());
        }
    }

    private BatchFileSystem prepared(String instance) {
        BatchFileSystem fileSystem = new BatchFileSystem(root, STALE_AFTER, instance);
        fileSystem.prepare();
        return fileSystem;
    }

    /** A half-built batch in another instance's staging folder, last touched at {@code touched}. */
    private Path leftover(String instance, Instant touched) throws IOException {
        TemplateFixture.writeTemplate(root);
        Path folder = root.resolve(".staging").resolve(instance);
        Path half = Files.createDirectories(folder.resolve("work-1/ConfigurationPlotSpec(1)"));
        Files.writeString(half.resolve("half.txt"), "half made");
        Files.setLastModifiedTime(folder, FileTime.from(touched));
        return folder;
    }
}
