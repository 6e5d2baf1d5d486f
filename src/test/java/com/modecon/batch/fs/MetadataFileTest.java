package com.modecon.batch.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hidden {@code .batch.json} of a batch, on real temporary folders. */
class MetadataFileTest {

    private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456789Z");

    @TempDir
    Path root;

    @Test
    void write_intoAMissingFolder_failsAndCreatesNothing() {
        Path missing = root.resolve("Batch(1)");

        assertThrows(NoSuchFileException.class, () -> MetadataFile.write(missing, metadata(1, "ann")));

        assertFalse(Files.exists(missing));
    }

    @Test
    void write_throughALinkedBatchFolder_isRefusedAndWritesNothingOutside() throws IOException {
        Path outside = Files.createDirectory(root.resolve("outside"));
        Path link = Files.createSymbolicLink(root.resolve("Batch(3)"), outside);

        assertThrows(NotDirectoryException.class, () -> MetadataFile.write(link, metadata(3, "ann")));

        assertEquals(List.of(), Roots.childNames(outside));
    }

    @Test
    void read_missingFile_isEmpty() throws IOException {
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));

        assertEquals(Optional.empty(), MetadataFile.read(batch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"id\": \"", "null", "[]", "{}",
        "{\"id\":\"7d5e8d2a-5b7e-4d8e-9a53-2f1b6f0c3e11\",\"number\":0,\"createdAt\":\"2024-01-01T00:00:00Z\","
                + "\"source\":\"import\"}"})
    void read_corruptOrIncompleteFile_isEmpty(String content) throws IOException {
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));
        Files.writeString(batch.resolve(".batch.json"), content);

        assertEquals(Optional.empty(), MetadataFile.read(batch));
    }

    @Test
    void read_linkToValidMetadataOutside_isEmptyBecauseLinksAreNotFollowed() throws IOException {
        Path outside = Files.createDirectory(root.resolve("outside"));
        MetadataFile.write(outside, metadata(1, "ann"));
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));
        Files.createSymbolicLink(batch.resolve(".batch.json"), outside.resolve(".batch.json"));

        assertEquals(Optional.empty(), MetadataFile.read(batch));
    }

    @Test
    void writeThenRead_returnsEqualMetadata_withAndWithoutCreator() throws IOException {
        Path one = Files.createDirectory(root.resolve("Batch(1)"));
        Path two = Files.createDirectory(root.resolve("Batch(2)"));
        BatchMetadata named = metadata(1, "ann");
        BatchMetadata anonymous = metadata(2, null);

        MetadataFile.write(one, named);
        MetadataFile.write(two, anonymous);

        assertEquals(Optional.of(named), MetadataFile.read(one));
        assertEquals(Optional.of(anonymous), MetadataFile.read(two));
    }

    @Test
    void write_storesTimesAsIsoText() throws IOException {
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));

        MetadataFile.write(batch, metadata(1, "ann"));

        String json = Files.readString(batch.resolve(".batch.json"));
        assertTrue(json.contains("\"2024-05-06T07:08:09.123456789Z\""), json);
        assertTrue(json.contains("\"source\" : \"template:default\""), json);
    }

    @Test
    void write_replacesExistingMetadata_andLeavesNoTemporaryFiles() throws IOException {
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));
        Files.createDirectory(batch.resolve("Results(1)"));
        MetadataFile.write(batch, metadata(1, "ann"));
        BatchMetadata replacement = metadata(1, "bob");

        MetadataFile.write(batch, replacement);

        assertEquals(Optional.of(replacement), MetadataFile.read(batch));
        assertEquals(List.of(".batch.json", "Results(1)"), Roots.childNames(batch));
    }

    @Test
    void read_whileAnotherThreadRewrites_alwaysSeesAWholeFile() throws IOException {
        Path batch = Files.createDirectory(root.resolve("Batch(1)"));
        MetadataFile.write(batch, metadata(1, "writer-0"));
        AtomicBoolean writing = new AtomicBoolean(true);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> rewrite(batch, 100, writing));
        int reads = 0;
        while (writing.get() || reads == 0) {
            assertTrue(MetadataFile.read(batch).isPresent(), "a reader saw no metadata after " + reads + " reads");
            reads++;
        }
        writer.join();

        assertEquals(List.of(".batch.json"), Roots.childNames(batch));
    }

    private static void rewrite(Path batch, int times, AtomicBoolean writing) {
        try {
            for (int i = 1; i <= times; i++) {
                MetadataFile.write(batch, metadata(1, "writer-" + i));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writing.set(false);
        }
    }

    private static BatchMetadata metadata(long number, String createdBy) {
        return new BatchMetadata(UUID.randomUUID(), number, CREATED, createdBy, "template:default");
    }
}
