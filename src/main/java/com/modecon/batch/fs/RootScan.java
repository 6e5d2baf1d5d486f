package com.modecon.batch.fs;

import java.util.NavigableSet;
import java.util.Set;

/**
 * What one look at the root found.
 *
 * @param versions numbers of the real {@code Batch(n)} folders (links are not batches)
 * @param taken numbers whose {@code Batch(n)} name is used by anything at all: folders, files and links
 */
public record RootScan(NavigableSet<Long> versions, Set<Long> taken) {
}
