package com.modecon.batch.rest;

import com.modecon.batch.service.BatchService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /templates}: the names {@code POST /batches} accepts. */
@Path("/templates")
@Tag(name = "Templates", description = "What a new batch can start from")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    private final BatchService batches;

    public TemplatesResource(BatchService batches) {
        this.batches = batches;
    }

    @GET
    @Operation(summary = "List template names", description = "'default' is Batch(0)/ConfigurationPlotSpec(0); "
            + "each other name is a folder Templates/<name>/ConfigurationPlotSpec(0) under the root")
    @APIResponse(responseCode = "200", description = "Names, default first", content = @Content(
            examples = @ExampleObject(name = "two templates", value = "[\"default\",\"high-capex\"]")))
    public Uni<List<String>> list() {
        return batches.templates();
    }
}
