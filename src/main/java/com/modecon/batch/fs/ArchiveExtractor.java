package com.modecon.batch.fs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks the planned entries of one archive into a new folder, through {@link ZipFile} and only by validated name.
 *
 * <p>Invariants: {@code inflated} is exactly the number of bytes written so far and never exceeds {@code maxBytes};
 * a read asks for at most one byte more than the budget left, so a zip bomb is inflated no further than that
 * before it is stopped. Every path written is checked to lie below the target after normalization, a second line of
 * defence behind the name rules.
 */
final class ArchiveExtractor {

    private static final int BUFFER_SIZE = 1 << 16;

    private final Path target;
    private final long maxBytes;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final Map<Path, FileTime> folderTimes = new HashMap<>();
    private long inflated;

    ArchiveExtractor(Path target, long maxBytes) {
        this.target = target.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** Creates the target (which must not exist) and fills it; on failure the target is left for the caller. */
    void run(ZipFile zip, List<String> validatedNames, ExtractionPlan plan) throws IOException {
        requireSameEntries(zip, validatedNames);
        Files.createDirectory(target);
        for (ExtractionPlan.Entry planned : plan.entries()) {
            ZipEntry entry = zip.getEntry(planned.archiveName());
            // getEntry("x") may answer with the folder "x/"; only the exact validated name will do.
            if (entry == null || !entry.getName().equals(planned.archiveName())) {
                throw changedSinceInspection();
            }
            unpack(zip, entry, planned);
        }
        restoreFolderTimes();
    }

    /** The entries ZipFile sees must be the validated ones, in the same order, whatever the local headers say. */
    private static void requireSameEntries(ZipFile zip, List<String> validatedNames) {
        int index = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); index++) {
            String name = entries.nextElement().getName();
            if (index >= validatedNames.size() || !name.equals(validatedNames.get(index))) {
                throw changedSinceInspection();
            }
        }
        if (index != validatedNames.size()) {
            throw changedSinceInspection();
        }
    }

    private void unpack(ZipFile zip, ZipEntry entry, ExtractionPlan.Entry planned) throws IOException {
        Path path = inside(planned.targetName());
        if (planned.isFolder()) {
            Files.createDirectories(path);
            folderTimes.put(path, entry.getLastModifiedTime());
            return;
        }
        Files.createDirectories(path.getParent());
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
            copy(in, out, entry.getName());
        }
        Files.setLastModifiedTime(path, entry.getLastModifiedTime());
    }

    private void copy(InputStream in, OutputStream out, String name) throws IOException {
        for (int read = readChunk(in, name); read >= 0; read = readChunk(in, name)) {
            inflated += read;
            if (inflated > maxBytes) {
                throw ArchiveTooLargeException.bytes(maxBytes);
            }
            out.write(buffer, 0, read);
        }
    }

    /** At most one byte beyond the budget, so going over is noticed without inflating further. */
    private int readChunk(InputStream in, String name) throws IOException {
        int wanted = (int) Math.min(buffer.length, maxBytes - inflated + 1);
        try {
            return in.read(buffer, 0, wanted);
        } catch (ZipException | EOFException damaged) {
            throw new ArchiveRejectedException("the data of " + ArchiveEntryRules.shown(name) + " is damaged", damaged);
        }
    }

    private Path inside(String targetName) {
        Path path = target;
        for (String segment : targetName.split("/")) {
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(target)) {
            String shown = ArchiveEntryRules.shown(targetName);
            throw new ArchiveRejectedException("the entry " + shown + " leaves its folder");
        }
        return path;
    }

    /** Writing a folder's children changed its time, so folders get theirs last, the deepest first. */
    private void restoreFolderTimes() throws IOException {
        List<Path> deepestFirst = folderTimes.keySet().stream()
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList();
        for (Path folder : deepestFirst) {
            Files.setLastModifiedTime(folder, folderTimes.get(folder));
        }
    }

    static ArchiveRejectedException changedSinceInspection() {
        return new ArchiveRejectedException("its entries changed after it was inspected");
    }
}
