package com.modecon.batch.fs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the service records about a batch it made, kept in {@code Batch(n)/.batch.json}. Batches made by the
 * old service have none; the folder name, not this record, decides which number a batch has.
 *
 * <p>Registered for reflection because Jackson reads and writes it in the native image too.
 *
 * @param id stays the same for the batch's whole life, through deletion and restore
 * @param number the n of {@code Batch(n)} when the batch was made
 * @param createdAt when the batch was made
 * @param createdBy who asked for it, or null when nobody was named
 * @param source how it was made: {@code template:default}, {@code template:<name>}, {@code clone:<k>}, {@code import}
 */
@RegisterForReflection
public record BatchMetadata(UUID id, long number, Instant createdAt, String createdBy, String source) {

    /** A record missing a required field is refused, so a damaged file reads as no metadata at all. */
    public BatchMetadata {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(createdAt, "createdAt is missing");
        Objects.requireNonNull(source, "source is missing");
        if (number < 1) {
            throw new IllegalArgumentException("a batch number is at least 1, not " + number);
        }
    }
}
