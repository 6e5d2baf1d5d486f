package com.modecon.batch.rest;

import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who is asking. With {@code batch.api-key} set, every mutating request except the legacy
 * {@code POST /create_new_batch} must carry {@code Authorization: Bearer <key>}, and its author is recorded as
 * {@value #KEY_HOLDER} (one shared key identifies no person). Without a key, the optional {@code X-User}
 * header is recorded as given: it is a label, not a verified identity.
 */
@ApplicationScoped
public class Requester {

    static final String KEY_HOLDER = "api-key";
    static final String USER_HEADER = "X-User";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String LEGACY_PATH = "/create_new_batch";
    private static final int MAX_NAME_LENGTH = 200;

    private final Optional<byte[]> expected;

    public Requester(BatchConfig config) {
        this.expected = config.apiKey()
                .filter(key -> !key.isBlank())
                .map(key -> ("Bearer " + key).getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    Optional<Response> requireKey(ContainerRequestContext request) {
        if (expected.isEmpty() || SAFE_METHODS.contains(request.getMethod())
                || LEGACY_PATH.equals(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] givenBytes = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected.get(), givenBytes)) {
            return Optional.empty();
        }
        Log.warnf("Refused %s %s: missing or wrong API key", request.getMethod(), request.getUriInfo().getPath());
        Problem problem = Problem.of("unauthorized", 401,
                "This request needs the header Authorization: Bearer <batch.api-key>");
        return Optional.of(ProblemMapper.problem(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build());
    }

    /** The name recorded as {@code createdBy} / {@code deletedBy}, or null when unknown. */
    String name(String userHeader) {
        if (expected.isPresent()) {
            return KEY_HOLDER;
        }
        if (userHeader == null || userHeader.isBlank()) {
            return null;
        }
        String clean = userHeader.strip().replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "");
        return clean.length() > MAX_NAME_LENGTH ? clean.substring(0, MAX_NAME_LENGTH) : clean;
    }
}
