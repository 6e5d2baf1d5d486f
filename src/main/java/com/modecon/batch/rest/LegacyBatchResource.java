package com.modecon.batch.rest;

import com.modecon.batch.BatchException;
import com.modecon.batch.service.BatchService;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    /** The strings the front end reads; they must not change. */
    static final String NUMBER = "NewBatchNumber";
    static final String MESSAGE = "message";
    static final String ERROR = "error";
    static final String SUCCESS = "New batch created successfully";
    static final String FAILURE = "Error creating new batches";

    private final BatchService batches;
    private final int retryAfterSeconds;

    public LegacyBatchResource(BatchService batches, BatchConfig config) {
        this.batches = batches;
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    /** No {@code @Produces}: Flask answered JSON whatever the client's Accept header said, and so does this. */
    @POST
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
                .map(creation -> flaskJson(Status.OK, Map.of(NUMBER, creation.number(), MESSAGE, SUCCESS)).build());
    }

    @ServerExceptionMapper
    Response refused(BatchException refusal) {
        return failure(Status.INTERNAL_SERVER_ERROR, refusal.getMessage()).build();
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException rejection) {
        return failure(Status.SERVICE_UNAVAILABLE, ProblemMapper.unavailable(rejection, retryAfterSeconds))
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

    private static Response.ResponseBuilder failure(Status status, String error) {
        return flaskJson(status, Map.of(ERROR, error, MESSAGE, FAILURE));
    }

    /** The exact bytes Flask's {@code jsonify} would send (ASCII only, so the charset needs no mention). */
    private static Response.ResponseBuilder flaskJson(Status status, Map<String, Object> body) {
        byte[] bytes = FlaskJson.object(body).getBytes(StandardCharsets.US_ASCII);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bytes);
    }
}
