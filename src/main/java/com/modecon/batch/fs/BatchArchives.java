package com.modecon.batch.fs;

import com.modecon.batch.Renumbering;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Zip export and import of one batch. An archive holds a single top folder {@code Batch(n)/} with the batch's
 * {@code ConfigurationPlotSpec(n)/}, {@code Results(n)/} and, when present, {@code .batch.json}.
 *
 * <p>Every method does blocking file work and must run off the event loop. None of them touches the batch root on
 * its own: export reads one folder, import writes one new folder the caller names and later moves into place.
 */
public final class BatchArchives {

    private BatchArchives() {
    }

    /**
     * Streams {@code batchFolder} to {@code out} as a zip whose entries all sit below {@code Batch(number)/}, folders
     * included (an empty {@code Results(n)/} survives). Names are UTF-8, modification times are kept, files pass
     * through a fixed buffer whatever their size. {@code out} is flushed, not closed.
     *
     * @throws UnsupportedBatchEntryException when the batch holds a symbolic link, a special file or a name the
     *     import would refuse; it is thrown before anything is written to {@code out}
     * @throws java.nio.file.NotDirectoryException when {@code batchFolder} is not a folder (a link to one is not)
     */
    public static void export(Path batchFolder, long number, OutputStream out) throws IOException {
        ArchiveWriter.write(batchFolder, number, out);
    }

    /**
     * Judges an uploaded archive from its central directory alone, before anything is written. It must hold one top
     * folder {@code Batch(k)/} (k at least 1) and only files and folders inside it, under names that are UTF-8,
     * relative, free of {@code ..}, backslashes and control characters, and unique.
     *
     * @param maxBytes the limit on the unpacked size; here only the sizes the archive declares are compared
     *     with it, so an honest archive that is too big is refused early
     * @throws ArchiveRejectedException when a rule is broken (for the client: 400)
     * @throws ArchiveTooLargeException when it holds more than {@code maxEntries} entries or declares more than
     *     {@code maxBytes} (for the client: 413)
     */
    public static ArchiveInspection inspect(Path zipFile, long maxBytes, int maxEntries) throws IOException {
        return ArchiveEntryRules.check(ZipCentralDirectory.read(zipFile, maxEntries), maxBytes);
    }

    /**
     * Unpacks an inspected archive into the new folder {@code target}, which the caller later renames to
     * {@code Batch(newNumber)}. Every {@code (k)} in a name becomes {@code (newNumber)}, modification times are
     * restored, and the archive's {@code .batch.json} is skipped (the service writes fresh metadata).
     *
     * <p>The archive is inspected again and must match {@code inspected}; only the entries validated there are
     * unpacked, by name, whatever the local headers claim. The bytes actually inflated are counted, never the sizes
     * declared, and unpacking stops as soon as the count passes {@code maxBytes}.
     *
     * <p>On any failure {@code target} may be left half written: the caller deletes it. Nothing is ever written
     * outside {@code target}.
     *
     * @param target a path that must not exist yet, whose parent folder exists
     * @param newNumber the batch number the content is renamed to, at least 1
     * @throws ArchiveRejectedException when the archive breaks a rule, changed since inspection, is damaged, or
     *     renumbering would make two names clash
     * @throws ArchiveTooLargeException when it has too many entries or inflates to more than {@code maxBytes}
     * @throws java.nio.file.FileAlreadyExistsException when {@code target} exists
     */
    public static void extract(Path zipFile, ArchiveInspection inspected, Path target, long newNumber, long maxBytes,
            int maxEntries) throws IOException {
        extract(zipFile, inspected, target, newNumber, Set.of(), maxBytes, maxEntries);
    }

    /**
     * As {@link #extract(Path, ArchiveInspection, Path, long, long, int)}, keeping the names in {@code fixedNames}
     * unchanged (see {@link Renumbering}).
     */
    public static void extract(Path zipFile, ArchiveInspection inspected, Path target, long newNumber,
            Set<String> fixedNames, long maxBytes, int maxEntries) throws IOException {
        if (newNumber < 1) {
            throw new IllegalArgumentException("A batch number is at least 1, not " + newNumber);
        }
        List<CentralEntry> entries = ZipCentralDirectory.read(zipFile, maxEntries);
        if (!ArchiveEntryRules.check(entries, maxBytes).equals(inspected)) {
            throw ArchiveExtractor.changedSinceInspection();
        }
        List<String> names = entries.stream().map(CentralEntry::name).toList();
        Renumbering renumbering = new Renumbering(inspected.number(), newNumber, fixedNames);
        ExtractionPlan plan = ExtractionPlan.of(names, renumbering);
        try (ZipFile zip = open(zipFile)) {
            new ArchiveExtractor(target, maxBytes).run(zip, names, plan);
        }
    }

    private static ZipFile open(Path zipFile) throws IOException {
        try {
            return new ZipFile(zipFile.toFile(), ZipFile.OPEN_READ, StandardCharsets.UTF_8);
        } catch (ZipException unreadable) {
            throw new ArchiveRejectedException("it cannot be read as a zip archive", unreadable);
        }
    }
}
