package com.modecon.batch.fs;

import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a list of entry names can all be unpacked side by side: no path twice (a file and a folder of one name
 * count as the same path) and no file that other entries would need as their folder.
 */
final class ArchiveLayout {

    private ArchiveLayout() {
    }

    /** The first clash found, in words, or empty. Names are {@code /}-separated; a folder's name ends with /. */
    static Optional<String> conflict(List<String> names) {
        NavigableSet<String> paths = new TreeSet<>();
        Set<String> files = new HashSet<>();
        for (String name : names) {
            boolean folder = name.endsWith("/");
            String path = folder ? name.substring(0, name.length() - 1) : name;
            if (!paths.add(path)) {
                return Optional.of(ArchiveEntryRules.shown(path) + " appears more than once");
            }
            if (!folder) {
                files.add(path);
            }
        }
        for (String file : files) {
            // Paths below a file all start with "file/" and so sort right after that prefix: one lookup each.
            String below = paths.ceiling(file + "/");
            if (below != null && below.startsWith(file + "/")) {
                return Optional.of(ArchiveEntryRules.shown(file) + " is a file but " + ArchiveEntryRules.shown(below)
                        + " needs it as a folder");
            }
        }
        return Optional.empty();
    }
}
