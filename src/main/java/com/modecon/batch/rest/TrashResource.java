package com.modecon.batch.rest;

import static com.modecon.batch.rest.Problem.MEDIA_TYPE;

import com.modecon.batch.fs.BatchDetails;
import com.modecon.batch.fs.TrashEntry;
import com.modecon.batch.service.BatchService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deleted batches: listed, and restorable under their old number while it is free. */
@Path("/trash")
@Tag(name = "Trash", description = "Batches removed with DELETE /batches/{n}")
@Produces(MediaType.APPLICATION_JSON)
public class TrashResource {

    private final BatchService batches;

    public TrashResource(BatchService batches) {
        this.batches = batches;
    }

    @GET
    @Operation(summary = "List deleted batches", description = "Oldest deletion first")
    @APIResponse(responseCode = "200", description = "The trash entries", content = @Content(
            schema = @Schema(implementation = TrashEntry.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "one entry", value = "[" + ApiExamples.TRASH_ENTRY + "]")))
    public Uni<List<TrashEntry>> list() {
        return batches.trash();
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Restore a deleted batch", description = "Back under its old number. Gap filling reuses "
            + "free numbers, so the number may have been taken meanwhile: then 409 and the entry stays in the trash")
    @APIResponse(responseCode = "200", description = "Restored", content = @Content(
            schema = @Schema(implementation = BatchDetails.class)))
    @APIResponse(responseCode = "400", description = "Not a trash id", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trash entry", content = @Content(
            mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The number was taken meanwhile", content = @Content(
            mediaType = MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BatchDetails> restore(@Parameter(description = "Trash entry id (a UUID from GET /trash)")
            @PathParam("id") String id) {
        return batches.restore(PathParams.trashId(id));
    }
}
