package com.modecon.batch.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP layer accepts bodies up to 2 GiB so that an import can stream in (the import itself enforces
 * {@code batch.import.max-bytes}). Every other endpoint takes at most a tiny JSON body, which the framework
 * would hold in memory, so a declared length above {@value #MAX_SMALL_BODY} bytes is refused with 413 there.
 * Limit: a chunked body declares no length and is not caught here.
 */
public class BodySizeLimit {

    static final long MAX_SMALL_BODY = 64 * 1024;
    private static final String IMPORT_PATH = "/batches/import";
    /** The legacy endpoint never reads its body, so any size is harmless there, as it was with Flask. */
    private static final String LEGACY_PATH = "/create_new_batch";

    @ServerRequestFilter(preMatching = true)
    Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String path = request.getUriInfo().getPath();
        if (declared == null || IMPORT_PATH.equals(path) || LEGACY_PATH.equals(path) || !isLarge(declared)) {
            return Optional.empty();
        }
        Problem problem = Problem.of("body-too-large", 413,
                "This endpoint takes at most " + MAX_SMALL_BODY + " bytes of body");
        return Optional.of(ProblemMapper.problem(problem).build());
    }

    private static boolean isLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > MAX_SMALL_BODY;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
