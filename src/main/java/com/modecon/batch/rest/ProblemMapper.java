package com.modecon.batch.rest;

import com.modecon.batch.BatchException;
import com.modecon.batch.service.WriterClosedException;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
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

    @ServerExceptionMapper
    Response busy(RejectedExecutionException rejection) {
        String detail = "The service is " + (rejection instanceof WriterClosedException
                ? "shutting down" : "busy with other batches") + "; retry in " + retryAfterSeconds + " s";
        return problem(Problem.of("unavailable", 503, detail))
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
        String reason = phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = status == 400 ? "The request could not be read: " + phrase : phrase;
        return problem(Problem.of(reason, status, detail)).build();
    }

    /** The file system failed in a way no rule foresaw (a full disk, a vanished volume). */
    @ServerExceptionMapper
    Response storage(UncheckedIOException failure) {
        IOException cause = failure.getCause();
        String why = cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : cause.getClass().getSimpleName().replace("Exception", "");
        Log.errorf(cause, "Storage failure");
        return problem(Problem.of("storage", 500, "The batch storage failed: " + why)).build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure) {
        Log.errorf(failure, "Unexpected failure");
        return problem(Problem.of("internal-error", 500, "Unexpected failure; the service log has the details"))
                .build();
    }

    static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
    }
}
