package com.modecon.batch.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The legacy success body. Keys are written in the order the Flask service wrote them (sorted), so the
 * bytes match: {@code {"NewBatchNumber":7,"message":"New batch created successfully"}}.
 */
@RegisterForReflection
@JsonPropertyOrder({"NewBatchNumber", "message"})
public record NewBatchResponse(
        @JsonProperty("NewBatchNumber") long newBatchNumber,
        @JsonProperty("message") String message) {

    static final String SUCCESS = "New batch created successfully";

    static NewBatchResponse created(long number) {
        return new NewBatchResponse(number, SUCCESS);
    }
}
