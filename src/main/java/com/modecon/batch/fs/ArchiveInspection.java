package com.modecon.batch.fs;

/**
 * What {@link BatchArchives#inspect} found in an archive that passed every check.
 *
 * @param number the k of the archive's single top folder {@code Batch(k)/}, at least 1
 * @param entryCount how many entries the archive's central directory lists, folders included
 */
public record ArchiveInspection(long number, int entryCount) {
}
