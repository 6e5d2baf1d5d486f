package com.modecon.batch.fs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One deleted batch waiting in the trash, as written to {@code .trash/<id>/entry.json}.
 *
 * <p>Registered for reflection because Jackson reads and writes it in the native image too.
 *
 * @param id names the entry's folder and is what a restore asks for
 * @param number the n of the {@code Batch(n)} that was deleted, and the number a restore gives back
 * @param deletedAt when the batch was moved to the trash
 * @param deletedBy who deleted it, or null when nobody was named
 */
@RegisterForReflection
public record TrashEntry(UUID id, long number, Instant deletedAt, String deletedBy) {

    /** An entry missing a required field is refused, so a damaged file never names a batch. */
    public TrashEntry {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(deletedAt, "deletedAt is missing");
        if (number < 1) {
            throw new IllegalArgumentException("a batch number is at least 1, not " + number);
        }
    }
}
