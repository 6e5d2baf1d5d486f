package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hidden folder {@code .trash} directly inside the root. A deleted batch is moved here, never erased:
 * {@code .trash/<id>/entry.json} says what it was, {@code .trash/<id>/Batch(n)} is the batch itself. The
 * folder's dot-name is never a batch name, and it sits on the root's file system, so every move in and out is
 * one atomic rename.
 *
 * <p>Moving {@code Batch(n)} into its entry folder is the commit point. An entry folder without its batch is
 * half-made (a crash, or a delete or restore in flight) and is neither listed nor restorable; {@link #sweep}
 * removes it once it is older than a grace period. Several processes may use one trash at once; no lock is
 * taken, and a folder holding a batch is never deleted.
 */
public final class TrashArea {

    static final String FOLDER = ".trash";
    static final String ENTRY_FILE = "entry.json";

    /** Exactly what {@link UUID#toString()} writes: lower-case hex in 8-4-4-4-12 groups. */
    private static final Pattern CANONICAL_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Comparator<TrashEntry> ORDER =
            Comparator.comparing(TrashEntry::deletedAt).thenComparingLong(TrashEntry::number);

    private final Path root;
    private final Path base;
    private final TrashSweep sweeper;

    TrashArea(Path root) {
        this.root = root;
        this.base = root.resolve(FOLDER);
        this.sweeper = new TrashSweep(base);
    }

    /**
     * The id in {@code text}, or empty unless it is a UUID written exactly as {@link UUID#toString()} writes
     * it. Only such text is ever resolved against the trash folder, so no client input can name another path.
     */
    public static Optional<UUID> parseId(String text) {
        if (text == null || !CANONICAL_ID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * Moves {@code Batch(number)} into a new trash entry.
     *
     * @throws BatchNotFoundException when there is no such batch folder (a file or a link of that name is not
     *                                a batch), including when another process moved it away first
     */
    TrashEntry moveToTrash(long number, String deletedBy, Instant now) throws IOException {
        Path batch = root.resolve(batchFolder(number));
        if (number < 1 || !isRealFolder(batch)) {
            throw new BatchNotFoundException(number);
        }
        TrashEntry entry = new TrashEntry(UUID.randomUUID(), number, now, deletedBy);
        Path folder = createEntryFolder(entry.id());
        try {
            JsonFiles.writeAtomically(folder.resolve(ENTRY_FILE), entry);
            Files.move(batch, folder.resolve(batchFolder(number)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            sweeper.discard(folder, entry.id());
            if (e instanceof NoSuchFileException && !Files.exists(batch, LinkOption.NOFOLLOW_LINKS)) {
                Log.debugf("%s was moved away by another process first; trash entry %s discarded",
                        batchFolder(number), entry.id());
                throw new BatchNotFoundException(number);
            }
            throw e;
        }
        Log.debugf("Moved %s to trash entry %s", batchFolder(number), entry.id());
        return entry;
    }

    /** The committed entries, oldest deletion first, then by number; an empty list when there is no trash. */
    List<TrashEntry> list() throws IOException {
        List<TrashEntry> entries = new ArrayList<>();
        for (UUID id : sweeper.entryIds()) {
            committed(id).ifPresent(entries::add);
        }
        entries.sort(ORDER);
        return entries;
    }

    /**
     * Moves a deleted batch back to {@code Batch(n)} under its old number and removes its trash entry.
     *
     * @throws TrashEntryNotFoundException when no committed entry has this id (or another process restored it)
     * @throws RestoreConflictException when anything at all is named {@code Batch(n)} now; the entry is kept
     */
    TrashEntry restore(UUID id) throws IOException {
        Path folder = base.resolve(id.toString());
        TrashEntry entry = committed(id).orElseThrow(() -> new TrashEntryNotFoundException(id));
        Path target = root.resolve(batchFolder(entry.number()));
        // A rename onto an empty folder replaces it without error, so anything at the target is refused here.
        // Left open: an empty Batch(n) made between this check and the rename is replaced. This service never
        // makes an empty Batch(n) (each appears whole, with its Results(n)), so only a foreign program can lose
        // a folder that way, and that folder holds nothing. A non-empty folder, a file or a link makes the
        // rename fail, and that failure is reported as the same conflict below.
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RestoreConflictException(entry.number());
        }
        moveBack(folder.resolve(batchFolder(entry.number())), target, entry);
        sweeper.removeEmptied(folder);
        Log.debugf("Restored %s from trash entry %s", batchFolder(entry.number()), id);
        return entry;
    }

    /**
     * Removes entry folders that hold no batch and are older than {@code grace}, so a delete in flight in
     * another process is left alone. Failures are logged and the sweep goes on.
     *
     * @return how many leftovers were removed
     */
    int sweep(Instant now, Duration grace) throws IOException {
        return sweeper.run(now, grace);
    }

    private void moveBack(Path source, Path target, TrashEntry entry) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new TrashEntryNotFoundException(entry.id());
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new RestoreConflictException(entry.number());
            }
            throw e;
        }
    }

    /** The entry when its batch has been moved in (the commit point), otherwise empty. */
    private Optional<TrashEntry> committed(UUID id) {
        Path folder = base.resolve(id.toString());
        if (!isRealFolder(base) || !isRealFolder(folder)) {
            return Optional.empty();
        }
        return readEntry(folder, id).filter(entry -> isRealFolder(folder.resolve(batchFolder(entry.number()))));
    }

    private static boolean isRealFolder(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static Optional<TrashEntry> readEntry(Path folder, UUID id) {
        try {
            TrashEntry entry = JsonFiles.read(folder.resolve(ENTRY_FILE), TrashEntry.class);
            if (entry.id().equals(id)) {
                return Optional.of(entry);
            }
            Log.warnf("Trash entry %s names the id %s; it is not listed", folder, entry.id());
        } catch (NoSuchFileException halfMadeOrGone) {
            return Optional.empty();
        } catch (IOException e) {
            Log.warnf("Trash entry %s cannot be read (%s); it is not listed", folder, JsonFiles.reasonOf(e));
        }
        return Optional.empty();
    }

    /** Creates {@code .trash} if needed (refusing a link in its place) and a fresh folder for one entry. */
    private Path createEntryFolder(UUID id) throws IOException {
        try {
            Files.createDirectory(base);
        } catch (FileAlreadyExistsException e) {
            if (!isRealFolder(base)) {
                throw new NotDirectoryException(base.toString());
            }
        }
        return Files.createDirectory(base.resolve(id.toString()));
    }
}
