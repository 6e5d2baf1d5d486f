package com.modecon.batch.fs;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one creation request.
 *
 * @param number the new batch the client is told about
 * @param id the new batch's id, as recorded in its metadata
 * @param filledGaps the missing lower numbers this request created too, ascending
 */
public record Creation(long number, UUID id, List<Long> filledGaps) {

    public Creation {
        filledGaps = List.copyOf(filledGaps);
    }
}
