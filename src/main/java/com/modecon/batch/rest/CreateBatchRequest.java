package com.modecon.batch.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /batches}. */
@RegisterForReflection
@Schema(description = "Which template the new batch starts from; omit the body (or the field) for 'default'")
public record CreateBatchRequest(
        @Schema(description = "A name from GET /templates", examples = "high-capex") String template) {
}
