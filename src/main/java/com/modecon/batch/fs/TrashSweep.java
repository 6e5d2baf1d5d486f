package com.modecon.batch.fs;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Removal of half-made trash entries, safe while other processes delete and restore in the same trash.
 *
 * <p>A folder is never deleted where it stands. It is first renamed to {@code .doomed-<id>}, then checked, and
 * only then deleted: a delete in flight that moves its batch in after the rename fails (its entry folder is
 * gone) and leaves the batch where it was, and a batch that got in just before the rename is found by the
 * check and the folder is renamed back. So a folder holding a batch is never deleted, not even when a sweep
 * is interrupted: the next sweep puts such a {@code .doomed-} folder back under its id.
 */
final class TrashSweep {

    private static final String DOOMED_PREFIX = ".doomed-";

    private final Path base;

    TrashSweep(Path base) {
        this.base = base;
    }

    /** Ids of the entry folders; names that are not canonical ids are never looked into. */
    List<UUID> entryIds() throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (String name : names()) {
            TrashArea.parseId(name).ifPresent(ids::add);
        }
        return ids;
    }

    /** See {@link TrashArea#sweep}. */
    int run(Instant now, Duration grace) throws IOException {
        int removed = 0;
        for (String name : names()) {
            try {
                removed += sweepOne(name, now.minus(grace)) ? 1 : 0;
            } catch (IOException e) {
                Log.warnf("Trash leftover %s could not be removed (%s); the next sweep retries", base.resolve(name),
                        e.getMessage());
            }
        }
        return removed;
    }

    /** Removes the entry folder of a delete that failed before its commit point. */
    void discard(Path folder, UUID id) {
        try {
            condemn(folder, id);
        } catch (IOException e) {
            Log.warnf("Half-made trash entry %s could not be removed (%s); the sweep retries", folder, e.getMessage());
        }
    }

    /** Removes an entry folder whose batch was just restored; nothing can move a batch into it again. */
    void removeEmptied(Path folder) {
        try {
            Trees.deleteRecursively(folder);
        } catch (IOException e) {
            Log.warnf("Restored trash entry %s could not be removed (%s); the sweep retries", folder, e.getMessage());
        }
    }

    private boolean sweepOne(String name, Instant cutoff) throws IOException {
        if (name.startsWith(DOOMED_PREFIX)) {
            Optional<UUID> id = TrashArea.parseId(name.substring(DOOMED_PREFIX.length()));
            return id.isPresent() && settle(base.resolve(name), id.get());
        }
        Optional<UUID> id = TrashArea.parseId(name);
        Path folder = base.resolve(name);
        if (id.isEmpty() || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || holdsBatch(folder)
                || !olderThan(folder, cutoff)) {
            return false;
        }
        boolean removed = condemn(folder, id.get());
        if (removed) {
            Log.infof("Removed half-made trash entry %s", folder);
        }
        return removed;
    }

    /** Renames an entry folder aside, then deletes it unless a batch got in first. */
    private boolean condemn(Path folder, UUID id) throws IOException {
        Path doomed = base.resolve(DOOMED_PREFIX + id);
        try {
            Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException removedByAnotherProcess) {
            return false;
        }
        return settle(doomed, id);
    }

    /** Deletes a folder set aside, or renames it back under its id when it holds a batch. */
    private boolean settle(Path doomed, UUID id) throws IOException {
        if (holdsBatch(doomed)) {
            try {
                Files.move(doomed, base.resolve(id.toString()), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException putBackByAnotherProcess) {
                return false;
            }
            Log.infof("Trash entry %s holds a batch after all; it was kept", id);
            return false;
        }
        Trees.deleteRecursively(doomed);
        return true;
    }

    /** Whether a {@code Batch(...)} folder is inside; a link is not looked through, and holds nothing. */
    private static boolean holdsBatch(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, "Batch(*)")) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
        } catch (NoSuchFileException gone) {
            return false;
        }
        return false;
    }

    private static boolean olderThan(Path folder, Instant cutoff) throws IOException {
        try {
            return Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Names directly in {@code .trash}; none when it is missing or is not a real folder. */
    private List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(base)) {
            children.forEach(child -> names.add(child.getFileName().toString()));
        }
        return names;
    }
}
