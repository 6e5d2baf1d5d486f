package com.modecon.batch.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.modecon.batch.BatchException;
import com.modecon.batch.fs.BatchStorageException;
import com.modecon.batch.service.ClientAbortedException;
import com.modecon.batch.service.WriterClosedException;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import java.io.UncheckedIOException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures of the resource API become HTTP: problem documents with the status that fits
 * the reason. The legacy endpoint keeps its own Flask shape (its resource has its own mappers, which win).
 * No stack trace or class name reaches a client.
 */
public class ProblemMapper {

    private static final Map<String, Status> STATUS_BY_REASON = Map.ofEntries(
            Map.entry("invalid-request", Status.BAD_REQUEST),
            Map.entry("archive-rejected", Status.BAD_REQUEST),
            Map.entry("unauthorized", Status.UNAUTHORIZED),
            Map.entry("template-protected", Status.FORBIDDEN),
            Map.entry("batch-not-found", Status.NOT_FOUND),
            Map.entry("template-not-found", Status.NOT_FOUND),
            Map.entry("trash-entry-not-found", Status.NOT_FOUND),
            Map.entry("results-not-empty", Status.CONFLICT),
            Map.entry("restore-conflict", Status.CONFLICT),
            Map.entry("gap-limit", Status.CONFLICT),
            Map.entry("batch-unsupported-entry", Status.CONFLICT),
            Map.entry("archive-too-large", Status.REQUEST_ENTITY_TOO_LARGE));

    private final int retryAfterSeconds;

    public ProblemMapper(BatchConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    @ServerExceptionMapper
    Response refused(BatchException refusal) {
        Status status = STATUS_BY_REASON.getOrDefault(refusal.reason(), Status.INTERNAL_SERVER_ERROR);
        return problem(Problem.of(refusal.reason(), status.getStatusCode(), refusal.getMessage())).build();
    }

    /** Malformed JSON. */
    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException failure) {
        return invalidJson();
    }

    /**
     * JSON of the wrong shape, e.g. {@code {"template":["a"]}}. Named on its own because Quarkus has a built-in
     * mapper for exactly this type, which would otherwise answer an empty 400.
     */
    @ServerExceptionMapper
    Response wrongJsonShape(MismatchedInputException failure) {
        return invalidJson();
    }

    private static Response invalidJson() {
        return problem(Problem.of("invalid-request", 400, "The JSON body could not be read; see /q/openapi"))
                .build();
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException rejection) {
        return problem(Problem.of("unavailable", 503, unavailable(rejection, retryAfterSeconds)))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    /**
     * Framework answers (unknown route, wrong method or media type, unreadable body) in the same shape; the
     * framework's own message may name classes, so only the status's phrase is shown.
     */
    @ServerExceptionMapper
    Response framework(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        Status known = Status.fromStatusCode(status);
        String phrase = known == null ? "HTTP " + status : known.getReasonPhrase();
        if (status == 400) {
            return problem(Problem.of("invalid-request", 400, "The request could not be read")).build();
        }
        return problem(Problem.of(phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-"), status, phrase)).build();
    }

    /**
     * An I/O failure outside a file operation of the service: reading the request body fails when the client
     * goes away mid-upload, which is the client's doing; anything else is the storage's.
     */
    @ServerExceptionMapper
    Response storage(UncheckedIOException failure) {
        if (failure instanceof ClientAbortedException) {
            Log.warnf("An upload ended early: %s", failure.getCause().getMessage());
            return problem(Problem.of("invalid-request", 400, "The upload ended before it was complete")).build();
        }
        Log.errorf(failure.getCause(), "Storage failure");
        return problem(Problem.of("storage", 500, "The batch storage failed: "
                + BatchStorageException.describe(failure.getCause()))).build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure) {
        Log.errorf(failure, "Unexpected failure");
        return problem(Problem.of("internal-error", 500, "Unexpected failure; the service log has the details"))
                .build();
    }

    /** Why work was not started, for a person; the legacy endpoint says it in its own shape. */
    static String unavailable(RejectedExecutionException rejection, int retryAfterSeconds) {
        String state = rejection instanceof WriterClosedException ? "shutting down" : "busy with other batches";
        return "The service is " + state + "; retry in " + retryAfterSeconds + " s";
    }

    static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
    }
}
