package com.modecon.batch.fs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * What the list of batches shows for one batch. For a batch made by the old service, which wrote no metadata,
 * {@code id} and {@code createdBy} are null, {@code createdAt} is the folder's modification time and
 * {@code source} is {@code unknown}.
 */
@RegisterForReflection
public record BatchSummary(long number, UUID id, Instant createdAt, String createdBy, String source) {

    static final String UNKNOWN_SOURCE = "unknown";
}
