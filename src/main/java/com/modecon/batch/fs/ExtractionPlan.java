package com.modecon.batch.fs;

import com.modecon.batch.BatchNames;
import com.modecon.batch.Renumbering;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which validated entries are unpacked and under which renumbered names.
 *
 * @param entries in central-directory order, the archive's {@code .batch.json} left out
 */
record ExtractionPlan(List<Entry> entries) {

    /** The metadata file the service writes itself for every batch; an archive's copy is never unpacked. */
    static final String METADATA = ".batch.json";
    private static final int MAX_PART_BYTES = 255;
    /** The system's 4096-byte path limit, less room for the root and the staging folders. */
    private static final int MAX_TARGET_PATH_BYTES = 3072;

    /**
     * @param archiveName the validated name in the archive
     * @param targetName the name below the target folder, {@code (k)} renumbered; empty for the top folder itself,
     *     ending with {@code /} for a folder
     */
    record Entry(String archiveName, String targetName) {

        boolean isFolder() {
            return targetName.isEmpty() || targetName.endsWith("/");
        }
    }

    ExtractionPlan {
        entries = List.copyOf(entries);
    }

    /**
     * @param names validated names, all below {@code Batch(from)/}
     * @throws ArchiveRejectedException when renumbering makes two names clash, e.g. {@code a(1)} and {@code a(2)}
     *     both becoming {@code a(2)}
     */
    static ExtractionPlan of(List<String> names, Renumbering renumbering) {
        long from = renumbering.from();
        long to = renumbering.to();
        int topLength = BatchNames.batchFolder(from).length() + 1;
        List<Entry> entries = new ArrayList<>();
        List<String> targetNames = new ArrayList<>();
        for (String name : names) {
            String inside = name.length() <= topLength ? "" : name.substring(topLength);
            if (!inside.equals(METADATA)) {
                String renamed = rename(inside, renumbering);
                checkLength(name, renamed);
                entries.add(new Entry(name, renamed));
                if (!renamed.isEmpty()) {
                    targetNames.add(renamed);
                }
            }
        }
        ArchiveLayout.conflict(targetNames).ifPresent(conflict -> {
            throw new ArchiveRejectedException("after renumbering from " + from + " to " + to + ", " + conflict);
        });
        return new ExtractionPlan(entries);
    }

    /**
     * Parts below {@code ConfigurationPlotSpec(k)/} came from a template, so the names it fixes stay; everywhere
     * else (the top folders, {@code Results(k)/}) every {@code (k)} is renumbered.
     */
    private static String rename(String inside, Renumbering renumbering) {
        String configuration = BatchNames.configurationFolder(renumbering.from()) + "/";
        if (!inside.startsWith(configuration)) {
            return renumbering.plain().path(inside);
        }
        String below = inside.substring(configuration.length());
        return BatchNames.configurationFolder(renumbering.to()) + "/" + renumbering.path(below);
    }

    /**
     * Renumbering can lengthen a name ({@code (9)} to {@code (10)}), so the file system's limits are checked on
     * the names as they will be written, leaving room for the root and staging folders in front of them.
     */
    private static void checkLength(String archiveName, String renamed) {
        if (renamed.getBytes(StandardCharsets.UTF_8).length > MAX_TARGET_PATH_BYTES) {
            throw new ArchiveRejectedException("the entry " + ArchiveEntryRules.shown(archiveName)
                    + " would be written under a path longer than " + MAX_TARGET_PATH_BYTES + " bytes");
        }
        for (String part : renamed.split("/")) {
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
                throw new ArchiveRejectedException("the entry " + ArchiveEntryRules.shown(archiveName)
                        + " would get a name part longer than " + MAX_PART_BYTES + " bytes once renumbered");
            }
        }
    }
}
