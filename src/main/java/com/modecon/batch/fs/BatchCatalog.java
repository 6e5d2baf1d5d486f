package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;

import com.modecon.batch.BatchNames;
import com.modecon.batch.BatchNumberTooLargeException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads batch summaries and details; never writes. A batch's metadata never changes after creation, so
 * summaries are cached per number and reused while the folder is the same one (same file key, i.e. inode):
 * after the first listing, listing 10,000 batches costs one directory read and one stat per batch. A batch
 * deleted and made again under the same number has a new folder (another inode, or at least another time), so
 * its cache entry is not reused.
 */
final class BatchCatalog {

    private final Path root;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    BatchCatalog(Path root) {
        this.root = root;
    }

    /** Every batch (the template excluded), ascending by number. */
    List<BatchSummary> list() throws IOException {
        List<BatchSummary> summaries = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                OptionalLong number = versionOrEmpty(entry.getFileName().toString());
                if (number.isPresent()) {
                    summaryIfBatch(entry, number.getAsLong()).ifPresent(summaries::add);
                }
            }
        }
        summaries.sort(Comparator.comparingLong(BatchSummary::number));
        Set<Long> present = summaries.stream().map(BatchSummary::number).collect(Collectors.toSet());
        cache.keySet().retainAll(present);
        return summaries;
    }

    /** The summary of one batch, or empty when there is no such batch folder. */
    Optional<BatchSummary> summary(long number) throws IOException {
        return summaryIfBatch(root.resolve(batchFolder(number)), number);
    }

    /** One batch with what is on disk now, or {@link BatchNotFoundException}. */
    BatchDetails describe(long number) throws IOException {
        Path folder = root.resolve(batchFolder(number));
        BatchSummary summary = summaryIfBatch(folder, number).orElseThrow(() -> new BatchNotFoundException(number));
        try {
            return BatchDetails.of(summary, BatchContents.of(folder, number));
        } catch (NoSuchFileException deletedMeanwhile) {
            throw new BatchNotFoundException(number);
        }
    }

    private Optional<BatchSummary> summaryIfBatch(Path folder, long number) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        if (number < 1 || !attributes.isDirectory()) {
            return Optional.empty();
        }
        // The folder's identity and time: a folder made anew under a reused inode still differs in its time.
        List<Object> key = List.of(Objects.requireNonNullElse(attributes.fileKey(), "no key"),
                attributes.lastModifiedTime());
        Cached cached = cache.get(number);
        if (cached != null && cached.key().equals(key)) {
            return Optional.of(cached.summary());
        }
        BatchSummary summary = MetadataFile.read(folder)
                .filter(metadata -> metadata.number() == number)
                .map(m -> new BatchSummary(number, m.id(), m.createdAt(), m.createdBy(), m.source()))
                .orElseGet(() -> new BatchSummary(number, null, attributes.lastModifiedTime().toInstant(), null,
                        BatchSummary.UNKNOWN_SOURCE));
        cache.put(number, new Cached(key, summary));
        return Optional.of(summary);
    }

    /** Names too large for a number are not listed; creation reports them instead. */
    private static OptionalLong versionOrEmpty(String name) {
        try {
            return BatchNames.versionOf(name);
        } catch (BatchNumberTooLargeException tooLarge) {
            return OptionalLong.empty();
        }
    }

    private record Cached(Object key, BatchSummary summary) {
    }
}
