package com.modecon.batch.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /create_new_batch}, the endpoint the front end already calls, byte-compatible with the Flask
 * service it replaces: Flask's {@code jsonify} writes compact JSON with sorted keys and a final newline, as
 * {@code application/json}, and so does this resource, for success and failure alike. Any body (none, empty,
 * {@code {}}) is accepted and ignored. The mappers below apply to this resource only.
 */
@Path("/create_new_batch")
@Tag(name = "Legacy", description = "The Flask service's endpoint, unchanged")
public class LegacyBatchResource {

    private final BatchService batches;
    private final ObjectMapper json;
    private final int retryAfterSeconds;

    public LegacyBatchResource(BatchService batches, ObjectMapper json, BatchConfig config) {
        this.batches = batches;
        this.json = json;
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the next batch (legacy)", description = "Fills missing numbers below the highest "
            + "batch, then creates the next one from the default template")
    @APIResponse(responseCode = "200", description = "Created", content = @Content(examples = @ExampleObject(
            name = "created", value = "{\"NewBatchNumber\":7,\"message\":\"New batch created successfully\"}")))
    @APIResponse(responseCode = "500", description = "Nothing half-made; the reason is in error", content = @Content(
            examples = @ExampleObject(name = "failed", value = "{\"error\":\"The template folder Batch(0)/"
                    + "ConfigurationPlotSpec(0) is missing from the batch root; no batch was created\","
                    + "\"message\":\"Error creating new batches\"}")))
    @APIResponse(responseCode = "503", description = "Busy or shutting down; see Retry-After")
    public Uni<Response> createNewBatch() {
        return batches.createNext()
                .map(creation -> flaskJson(Status.OK, NewBatchResponse.created(creation.number())).build());
    }

    @ServerExceptionMapper
    Response refused(BatchException refusal) {
        return failure(Status.INTERNAL_SERVER_ERROR, refusal.getMessage()).build();
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException rejection) {
        String why = rejection instanceof WriterClosedException
                ? "The service is shutting down; retry in " + retryAfterSeconds + " s"
                : "The service is busy with other batches; retry in " + retryAfterSeconds + " s";
        return failure(Status.SERVICE_UNAVAILABLE, why)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure) {
        Log.errorf(failure, "Unexpected failure while creating a batch");
        String why = failure instanceof UncheckedIOException
                ? "The batch storage failed; the service log has the details"
                : "Unexpected failure; the service log has the details";
        return failure(Status.INTERNAL_SERVER_ERROR, why).build();
    }

    private Response.ResponseBuilder failure(Status status, String error) {
        return flaskJson(status, LegacyErrorResponse.because(error));
    }

    /** The exact bytes Flask's {@code jsonify} would send. */
    private Response.ResponseBuilder flaskJson(Status status, Object body) {
        try {
            byte[] bytes = (json.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fixed record could not be written as JSON", e);
        }
    }
}
