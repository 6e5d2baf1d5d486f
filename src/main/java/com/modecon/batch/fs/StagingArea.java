package com.modecon.batch.fs;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hidden folder {@code .staging} directly inside the root, where batches are built before they are moved
 * into place. It sits on the root's file system, so that move is a single atomic rename, and its name never
 * looks like a batch.
 *
 * <p>Each running instance owns one subfolder and keeps its modification time fresh (the heartbeat). A
 * subfolder nobody has touched for {@code staleAfter} belongs to an instance that died; the sweep removes it.
 * A live neighbour's folder is never removed, which is why crash leftovers are found by age and not simply
 * wiped at startup. The sweep first renames a stale folder to a dot-name and only then deletes it, so a
 * still-running owner that was merely slow can never move a half-deleted tree into place: its own paths are
 * gone, and its next step fails instead.
 */
final class StagingArea {

    static final String FOLDER = ".staging";
    private static final String DOOMED_PREFIX = ".doomed-";

    private final Path base;
    private final Path own;
    private final AtomicLong workCounter = new AtomicLong();

    StagingArea(Path root, String instanceId) {
        this.base = root.resolve(FOLDER);
        this.own = base.resolve(instanceId);
    }

    /**
     * A fresh path, not yet created, to build one batch or hold one upload in; the owner's folder is recreated
     * if a sweep removed it.
     */
    Path newWorkPath(String kind) throws IOException {
        ensureOwnFolder();
        return own.resolve(kind + "-" + workCounter.incrementAndGet());
    }

    /** Marks this instance as alive for the other instances' sweeps. */
    void heartbeat(Instant now) throws IOException {
        ensureOwnFolder();
        Files.setLastModifiedTime(own, FileTime.from(now));
    }

    /**
     * Creates {@code .staging} and this instance's folder in it when missing. Either one being anything but a
     * real folder (say, a link someone placed) is refused: nothing is ever written through a link.
     */
    private void ensureOwnFolder() throws IOException {
        ensureRealFolder(base);
        ensureRealFolder(own);
    }

    private static void ensureRealFolder(Path folder) throws IOException {
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                String why = folder.getFileName() + " in " + folder.getParent()
                        + " is not a real folder (a link or a file)";
                throw new FileSystemException(folder.toString(), null, why);
            }
        }
    }

    /**
     * Removes the staging folders of instances that have not shown a heartbeat for {@code staleAfter}, and
     * anything an interrupted sweep left behind. Never touches this instance's own folder.
     *
     * @return how many leftovers were removed
     */
    int sweep(Instant now, Duration staleAfter) throws IOException {
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            for (Path entry : entries) {
                if (!entry.equals(own) && isLeftover(entry, now, staleAfter) && condemned(entry)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isLeftover(Path entry, Instant now, Duration staleAfter) throws IOException {
        if (entry.getFileName().toString().startsWith(DOOMED_PREFIX)) {
            return true;
        }
        try {
            Instant touched = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
            return touched.plus(staleAfter).isBefore(now);
        } catch (NoSuchFileException sweptByAnotherInstance) {
            return false;
        }
    }

    /** One leftover's failure (say, a file someone else holds open) must not keep the others. */
    private boolean condemned(Path entry) {
        try {
            condemn(entry);
            return true;
        } catch (IOException | RuntimeException e) {
            Log.warnf("Staging leftover %s could not be removed yet: %s", entry, e.getMessage());
            return false;
        }
    }

    private void condemn(Path entry) throws IOException {
        Path doomed = entry;
        if (!entry.getFileName().toString().startsWith(DOOMED_PREFIX)) {
            doomed = base.resolve(DOOMED_PREFIX + UUID.randomUUID());
            try {
                Files.move(entry, doomed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException sweptByAnotherInstance) {
                return;
            }
        }
        Log.infof("Removing staging leftover %s of an instance that stopped", entry.getFileName());
        Trees.deleteRecursively(doomed);
    }
}
