package com.modecon.batch.fs;

/**
 * What {@link BatchArchives#inspect} found in an archive that passed every check.
 *
 * @param number the k of the archive's single top folder {@code Batch(k)/}, at least 1
 * @param entryCount how many entries the archive's central directory lists, folders included
 * @param hasConfiguration whether anything lies inside {@code Batch(k)/ConfigurationPlotSpec(k)/}; an import
 *     refuses an archive without it, since other programs read a batch's configuration from there
 */
public record ArchiveInspection(long number, int entryCount, boolean hasConfiguration) {
}
