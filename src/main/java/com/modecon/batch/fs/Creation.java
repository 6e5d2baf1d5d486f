package com.modecon.batch.fs;

import java.util.List;

/**
 * The outcome of one creation request.
 *
 * @param number the new batch the client is told about
 * @param filledGaps the missing lower numbers this request created too, ascending
 */
public record Creation(long number, List<Long> filledGaps) {

    public Creation {
        filledGaps = List.copyOf(filledGaps);
    }
}
