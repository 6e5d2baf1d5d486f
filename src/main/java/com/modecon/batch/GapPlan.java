package com.modecon.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;

/**
 * What one creation request makes: every free number below the highest version (the original service
 * filled gaps this way), then the first free number above it.
 *
 * @param gaps the missing numbers to fill, ascending
 * @param next the number the request answers with
 */
public record GapPlan(List<Long> gaps, long next) {

    public GapPlan {
        gaps = List.copyOf(gaps);
    }

    /**
     * Plans a creation.
     *
     * @param versions the numbers of existing batch folders
     * @param taken every number whose {@code Batch(n)} name is in use by anything (a folder, a file or a link);
     *     a superset of {@code versions}. Such a name is never written, so it is skipped rather than filled.
     * @param maxGapFill the largest number of gaps one request may fill
     * @throws GapLimitExceededException when more than {@code maxGapFill} gaps would be filled
     * @throws BatchNumberTooLargeException when no number above the highest version fits a {@code long}
     */
    public static GapPlan of(NavigableSet<Long> versions, Set<Long> taken, int maxGapFill) {
        if (versions.isEmpty()) {
            return new GapPlan(List.of(), firstFreeAbove(0, taken));
        }
        long highest = versions.last();
        long takenBelow = taken.stream().filter(n -> n < highest).count();
        long missing = highest - 1 - takenBelow;
        if (missing > maxGapFill) {
            throw new GapLimitExceededException(missing, highest, maxGapFill);
        }
        List<Long> gaps = new ArrayList<>((int) missing);
        for (long n = 1; n < highest; n++) {
            if (!taken.contains(n)) {
                gaps.add(n);
            }
        }
        return new GapPlan(gaps, firstFreeAbove(highest, taken));
    }

    private static long firstFreeAbove(long number, Set<Long> taken) {
        long candidate = number;
        do {
            if (candidate == Long.MAX_VALUE) {
                throw new BatchNumberTooLargeException(BatchNames.batchFolder(number));
            }
            candidate++;
        } while (taken.contains(candidate));
        return candidate;
    }
}
