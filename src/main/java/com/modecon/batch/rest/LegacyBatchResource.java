package com.modecon.batch.rest;

import com.modecon.batch.BatchException;
import com.modecon.batch.service.BatchService;
import com.modecon.batch.service.WriterClosedException;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /create_new_batch}, the endpoint the front end already calls, byte-compatible with the Flask
 * service it replaces. Any body (none, empty, {@code {}}) is accepted and ignored. Its failures keep the
 * Flask shape; the mappers below apply to this resource only.
 */
@Path("/create_new_batch")
public class LegacyBatchResource {

    private final BatchService batches;
    private final int retryAfterSeconds;

    public LegacyBatchResource(BatchService batches, BatchConfig config) {
        this.batches = batches;
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NewBatchResponse> createNewBatch() {
        return batches.createNext()
                .map(creation -> NewBatchResponse.created(creation.number()));
    }

    @ServerExceptionMapper
    Response refused(BatchException refusal) {
        return failure(Status.INTERNAL_SERVER_ERROR, refusal.getMessage());
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException rejection) {
        String why = rejection instanceof WriterClosedException
                ? "The service is shutting down; retry in " + retryAfterSeconds + " s"
                : "The service is busy with other batches; retry in " + retryAfterSeconds + " s";
        return Response.fromResponse(failure(Status.SERVICE_UNAVAILABLE, why))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure) {
        Log.errorf(failure, "Unexpected failure while creating a batch");
        return failure(Status.INTERNAL_SERVER_ERROR, "Unexpected failure; the service log has the details");
    }

    private static Response failure(Status status, String error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(LegacyErrorResponse.because(error))
                .build();
    }
}
