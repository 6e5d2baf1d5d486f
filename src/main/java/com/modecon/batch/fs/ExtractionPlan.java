package com.modecon.batch.fs;

import com.modecon.batch.BatchNames;
import com.modecon.batch.Renumbering;
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
                String renamed = renumbering.path(inside);
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
}
