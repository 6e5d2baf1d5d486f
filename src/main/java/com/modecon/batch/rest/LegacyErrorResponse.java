package com.modecon.batch.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The legacy failure body, keys sorted like the Flask service wrote them. Registered for reflection
 * because it only travels inside a {@code Response}, where the native build cannot see its type.
 */
@RegisterForReflection
@JsonPropertyOrder({"error", "message"})
public record LegacyErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message) {

    static final String FAILURE = "Error creating new batches";

    static LegacyErrorResponse because(String error) {
        return new LegacyErrorResponse(error, FAILURE);
    }
}
