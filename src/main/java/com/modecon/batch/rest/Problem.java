package com.modecon.batch.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), the error body of every endpoint except
 * the legacy one. {@code type} is {@code urn:modecon:problem:<reason>}; README lists the reasons.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:modecon:problem:";

    static Problem of(String reason, int status, String detail) {
        return new Problem(TYPE_PREFIX + reason, titleOf(reason), status, detail);
    }

    /** "batch-not-found" reads "Batch not found". */
    private static String titleOf(String reason) {
        String words = reason.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
