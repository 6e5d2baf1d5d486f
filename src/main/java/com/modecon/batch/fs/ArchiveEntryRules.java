package com.modecon.batch.fs;

import com.modecon.batch.BatchNames;
import com.modecon.batch.BatchNumberTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an importable archive looks like: one top folder {@code Batch(k)/} with k at least 1 and every entry inside
 * it, names that cannot leave that folder, only plain files and folders, and each path once. The rules read the
 * central directory alone, so an archive is judged before a single byte of it is unpacked.
 */
final class ArchiveEntryRules {

    private static final int SYMBOLIC_LINK = 0120000;
    private static final int REGULAR_FILE = 0100000;
    private static final int FOLDER = 0040000;
    private static final int SHOWN_NAME_LENGTH = 160;
    /** The longest file or folder name common file systems accept, in UTF-8 bytes. */
    private static final int MAX_SEGMENT_BYTES = 255;
    private static final String METADATA = ".batch.json";

    private ArchiveEntryRules() {
    }

    /**
     * @throws ArchiveRejectedException on the first entry that breaks a rule
     * @throws ArchiveTooLargeException when the declared sizes add up to more than {@code maxBytes}
     */
    static ArchiveInspection check(List<CentralEntry> entries, long maxBytes) {
        long number = 0;
        long declared = 0;
        List<String> names = new ArrayList<>(entries.size());
        for (CentralEntry entry : entries) {
            nameProblem(entry.name()).ifPresent(problem -> reject(entry.name(), problem));
            checkKind(entry);
            number = sameTop(number, topNumber(entry.name()), entry.name());
            declared = addDeclared(declared, entry.declaredSize(), maxBytes);
            names.add(entry.name());
        }
        ArchiveLayout.conflict(names).ifPresent(conflict -> {
            throw new ArchiveRejectedException(conflict);
        });
        return new ArchiveInspection(number, entries.size(), checkBatchShape(entries, number));
    }

    /** Why a zip entry name could escape or confuse the folder it is unpacked into, or empty when it is safe. */
    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("contains a control character");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash; entry names separate folders with /");
        }
        if (name.startsWith("/") || hasDriveLetter(name)) {
            return Optional.of("is an absolute path");
        }
        return segmentProblem(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
    }

    private static Optional<String> segmentProblem(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("climbs out of its folder with ..");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("has an empty or . folder name");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return Optional.of("has a name part longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        return Optional.empty();
    }

    /**
     * The parts other programs rely on: {@code Results(k)} and {@code ConfigurationPlotSpec(k)} must be folders,
     * and {@code .batch.json} (the service's own file, skipped on import) must not be a folder.
     *
     * @return whether anything lies inside {@code ConfigurationPlotSpec(k)/}
     */
    private static boolean checkBatchShape(List<CentralEntry> entries, long number) {
        String top = BatchNames.batchFolder(number) + "/";
        String configuration = top + BatchNames.configurationFolder(number);
        String results = top + BatchNames.resultsFolder(number);
        boolean hasConfiguration = false;
        for (CentralEntry entry : entries) {
            String name = entry.name();
            if (name.equals(configuration) || name.equals(results)) {
                reject(name, "must be a folder, not a file");
            }
            if (name.startsWith(top + METADATA + "/")) {
                reject(name, "uses " + METADATA + ", the service's metadata file, as a folder");
            }
            hasConfiguration |= name.startsWith(configuration + "/") && name.length() > configuration.length() + 1;
        }
        return hasConfiguration;
    }

    private static boolean hasDriveLetter(String name) {
        if (name.length() < 2 || name.charAt(1) != ':') {
            return false;
        }
        char first = Character.toLowerCase(name.charAt(0));
        return first >= 'a' && first <= 'z';
    }

    private static void checkKind(CentralEntry entry) {
        int type = entry.unixFileType();
        if (type == SYMBOLIC_LINK) {
            reject(entry.name(), "is a symbolic link; links are refused because they can point outside the batch");
        }
        if (type != 0 && type != REGULAR_FILE && type != FOLDER) {
            reject(entry.name(), "is a special file (device, pipe or socket)");
        }
        if (entry.isEncrypted()) {
            reject(entry.name(), "is encrypted");
        }
        if (entry.method() != CentralEntry.STORED && entry.method() != CentralEntry.DEFLATED) {
            reject(entry.name(), "uses compression method " + entry.method() + "; only stored and deflated are read");
        }
    }

    private static long topNumber(String name) {
        int slash = name.indexOf('/');
        String top = slash < 0 ? name : name.substring(0, slash);
        OptionalLong number;
        try {
            number = BatchNames.versionOf(top);
        } catch (BatchNumberTooLargeException tooLarge) {
            number = OptionalLong.empty();
        }
        if (number.isEmpty()) {
            reject(name, "is not inside a batch folder; every entry must be inside one folder Batch(n)/, n >= 1");
        }
        if (slash < 0) {
            reject(name, "must be a folder, not a file");
        }
        return number.getAsLong();
    }

    /** Keeps the archive to one top folder; 0 means none seen yet (no batch is numbered 0). */
    private static long sameTop(long seen, long number, String name) {
        if (seen != 0 && seen != number) {
            reject(name, "is in a second top folder besides " + BatchNames.batchFolder(seen) + "/");
        }
        return number;
    }

    /**
     * Sizes an archive declares are a quick refusal of an honest archive that is too big, nothing more: extraction
     * counts the bytes it really inflates. Invariant: {@code total <= maxBytes}, so the subtraction cannot overflow.
     */
    private static long addDeclared(long total, long size, long maxBytes) {
        if (size < 0 || size > maxBytes - total) {
            throw ArchiveTooLargeException.bytes(maxBytes);
        }
        return total + size;
    }

    private static void reject(String name, String problem) {
        throw new ArchiveRejectedException("the entry " + shown(name) + " " + problem);
    }

    /** An entry name safe to put in a message: control characters escaped, very long names cut. */
    static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(SHOWN_NAME_LENGTH).forEach(c -> shown.append(
                Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return name.codePointCount(0, name.length()) > SHOWN_NAME_LENGTH ? shown + "..." : shown.toString();
    }
}
