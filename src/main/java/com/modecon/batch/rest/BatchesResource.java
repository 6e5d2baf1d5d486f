package com.modecon.batch.rest;

import static com.modecon.batch.rest.Problem.MEDIA_TYPE;

import com.modecon.batch.BatchNames;
import com.modecon.batch.fs.BatchDetails;
import com.modecon.batch.fs.BatchSource;
import com.modecon.batch.fs.BatchSummary;
import com.modecon.batch.fs.TrashEntry;
import com.modecon.batch.service.BatchService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The resource API over batches, beside the unchanged legacy endpoint. It shares its numbering (gap filling
 * included), its single writer and its guarantees. Parses and validates only; never touches the disk itself.
 */
@Path("/batches")
@Tag(name = "Batches", description = "Create, inspect, clone, delete, export and import batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchesResource {

    private static final String ZIP = "application/zip";
    private static final String USER = "X-User";
    private static final String USER_DOC = "Who is asking, recorded as given (not verified); ignored when an API key"
            + " is configured";

    private final BatchService batches;
    private final Requester requester;

    public BatchesResource(BatchService batches, Requester requester) {
        this.batches = batches;
        this.requester = requester;
    }

    @GET
    @Operation(summary = "List all batches", description = "Ascending by number; the template Batch(0) is not listed")
    @APIResponse(responseCode = "200", description = "The batches", content = @Content(
            schema = @Schema(implementation = BatchSummary.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "two batches", value = ApiExamples.SUMMARIES)))
    public Uni<List<BatchSummary>> list() {
        return batches.list();
    }

    @GET
    @Path("{n}")
    @Operation(summary = "Describe one batch", description = "Metadata plus current file count, size and results")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(
            schema = @Schema(implementation = BatchDetails.class),
            examples = @ExampleObject(name = "batch 7", value = ApiExamples.DETAILS)))
    @APIResponse(responseCode = "400", description = "Not a batch number", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "abc",
                    value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such batch", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing",
                    value = ApiExamples.NOT_FOUND)))
    public Uni<BatchDetails> describe(
            @Parameter(description = "Batch number", example = "7") @PathParam("n") String n) {
        return batches.describe(PathParams.batchNumber(n));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the next batch",
            description = "Fills missing numbers below the highest batch from the default template (like "
                    + "POST /create_new_batch), then creates the next number from the chosen template")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = CreateBatchRequest.class),
            examples = @ExampleObject(name = "named template", value = "{\"template\":\"high-capex\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the batch", content = @Content(
            schema = @Schema(implementation = BatchDetails.class),
            examples = @ExampleObject(name = "batch 7", value = ApiExamples.DETAILS)))
    @APIResponse(responseCode = "404", description = "Unknown template", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many gaps to fill (batch.max-gap-fill)",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "API key required", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no key",
                    value = ApiExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "503", description = "Writer queue full or shutting down; see Retry-After",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "busy", value = ApiExamples.BUSY)))
    public Uni<Response> create(CreateBatchRequest request,
            @Parameter(description = USER_DOC) @HeaderParam(USER) String user) {
        String template = request == null || request.template() == null ? "default" : request.template();
        return created(batches.create(new BatchSource.Template(template), requester.name(user)));
    }

    /** The same call without a JSON body (no Content-Type at all): the default template. */
    @POST
    @Operation(hidden = true)
    public Uni<Response> createFromDefault(@HeaderParam(USER) String user) {
        return create(null, user);
    }

    @POST
    @Path("{k}/clone")
    @Operation(summary = "Clone a batch", description = "A new batch (next number, gaps filled as usual) whose "
            + "ConfigurationPlotSpec is batch k's, renamed from (k) to the new number; its Results start empty")
    @APIResponse(responseCode = "201", description = "Created; Location names the batch", content = @Content(
            schema = @Schema(implementation = BatchDetails.class)))
    @APIResponse(responseCode = "404", description = "No batch k", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing",
                    value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "503", description = "Writer queue full or shutting down; see Retry-After",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cloneBatch(@Parameter(description = "Batch to clone", example = "4") @PathParam("k") String k,
            @Parameter(description = USER_DOC) @HeaderParam(USER) String user) {
        return created(batches.create(new BatchSource.Clone(PathParams.batchNumber(k)), requester.name(user)));
    }

    @DELETE
    @Path("{n}")
    @Operation(summary = "Move a batch to the trash",
            description = "Never erases: GET /trash lists it and POST /trash/{id}/restore brings it back. A batch "
                    + "whose Results(n) holds anything is refused unless force=true; Batch(0) is always refused")
    @APIResponse(responseCode = "200", description = "Moved; the body is the trash entry", content = @Content(
            schema = @Schema(implementation = TrashEntry.class),
            examples = @ExampleObject(name = "entry", value = ApiExamples.TRASH_ENTRY)))
    @APIResponse(responseCode = "403", description = "Batch(0) is the template", content = @Content(
            mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such batch", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Results present and force not set", content = @Content(
            mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "results", value = ApiExamples.RESULTS_NOT_EMPTY)))
    public Uni<TrashEntry> delete(@Parameter(description = "Batch number", example = "4") @PathParam("n") String n,
            @Parameter(description = "Delete even when Results(n) holds files") @QueryParam("force")
            @DefaultValue("false") boolean force,
            @Parameter(description = USER_DOC) @HeaderParam(USER) String user) {
        return batches.delete(PathParams.batchNumber(n), force, requester.name(user));
    }

    @GET
    @Path("{n}/export")
    @Produces(ZIP)
    @Blocking
    @Operation(summary = "Download a batch as a zip", description = "Entries under Batch(n)/, streamed as they are "
            + "read (the batch is never held in memory); the hidden metadata file is included")
    @APIResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = ZIP))
    @APIResponse(responseCode = "404", description = "No such batch", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> export(@Parameter(description = "Batch number", example = "4") @PathParam("n") String n) {
        long number = PathParams.batchNumber(n);
        // @Blocking: this Uni and the zip stream both run on the worker thread that serves the request.
        return Uni.createFrom().item(() -> {
            batches.requireBatch(number);
            StreamingOutput zip = out -> batches.export(number, out);
            return Response.ok(zip, ZIP)
                    .header("Content-Disposition", "attachment; filename=\"" + BatchNames.batchFolder(number)
                            + ".zip\"")
                    .build();
        });
    }

    @POST
    @Path("import")
    @Consumes(ZIP)
    @Blocking
    @Operation(summary = "Create a batch from a zip", description = "The archive must hold one folder Batch(k)/; "
            + "names are renamed from (k) to the new number, Results included. Every entry is checked before "
            + "anything becomes visible")
    @RequestBody(required = true, content = @Content(mediaType = ZIP))
    @APIResponse(responseCode = "201", description = "Created; Location names the batch", content = @Content(
            schema = @Schema(implementation = BatchDetails.class)))
    @APIResponse(responseCode = "400", description = "Unsafe or malformed archive (.., absolute paths, links, "
            + "entries outside one Batch(k)/)", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than batch.import.max-bytes unpacked, or more than "
            + "batch.import.max-entries entries", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importBatch(InputStream archive,
            @Parameter(description = USER_DOC) @HeaderParam(USER) String user) {
        return created(batches.importArchive(archive, requester.name(user)));
    }

    private static Uni<Response> created(Uni<BatchDetails> creation) {
        return creation.map(batch -> Response.created(URI.create("/batches/" + batch.number()))
                .entity(batch)
                .build());
    }
}
