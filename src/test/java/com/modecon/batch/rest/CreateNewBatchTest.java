package com.modecon.batch.rest;

import static com.modecon.testing.TemplateFixture.assertCompleteBatch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TempRootResource;
import com.modecon.testing.TemplateFixture;
import com.modecon.testing.TestRoot;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@code POST /create_new_batch} the front end relies on, through real HTTP and a real root. */
@QuarkusTest
@WithTestResource(TempRootResource.class)
class CreateNewBatchTest {

    /** What Flask's jsonify sent: compact, keys sorted, a final newline. */
    static final String CREATED = "{\"NewBatchNumber\":%d,\"message\":\"New batch created successfully\"}\n";
    static final String FAILED = "Error creating new batches";
    static final String ROOT_CHECK = "checks.find { it.name == 'batch-root' }";

    @TestRoot
    Path root;

    @TestHTTPResource("/create_new_batch")
    URI endpoint;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void emptyRoot_answersOneWithTheExactLegacyBody() {
        given()
                .contentType(ContentType.JSON)
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(equalTo(CREATED.formatted(1)));

        assertCompleteBatch(root, 1);
        assertEquals(List.of("Batch(0)", "Batch(1)"), Roots.batchNames(root));
    }

    @Test
    void noBodyEmptyJsonBodyAndEmptyObject_allSucceedInSequence() {
        given().when().post("/create_new_batch").then().statusCode(200).body(equalTo(CREATED.formatted(1)));
        given().contentType(ContentType.JSON).body("").when().post("/create_new_batch")
                .then().statusCode(200).body(equalTo(CREATED.formatted(2)));
        given().contentType(ContentType.JSON).body("{}").when().post("/create_new_batch")
                .then().statusCode(200).body(equalTo(CREATED.formatted(3)));

        for (long n = 1; n <= 3; n++) {
            assertCompleteBatch(root, n);
        }
    }

    @Test
    void anyAcceptHeaderAndAnyBodySize_areAnsweredAsFlaskDid() {
        given().accept("text/html").when().post("/create_new_batch")
                .then().statusCode(200).body(equalTo(CREATED.formatted(1)));
        given().contentType(ContentType.JSON).body(" ".repeat(100_000) + "{}").when().post("/create_new_batch")
                .then().statusCode(200).body(equalTo(CREATED.formatted(2)));
    }

    @Test
    void singleGap_isFilledAndTheAnswerIsAboveTheHighest() throws IOException {
        existingBatch(1);
        existingBatch(3);

        postExpecting(4);

        assertCompleteBatch(root, 2);
        assertCompleteBatch(root, 4);
        assertTrue(Files.exists(root.resolve("Batch(3)/marker.txt")), "existing batch was touched");
    }

    @Test
    void severalGaps_areAllFilled() throws IOException {
        existingBatch(2);
        existingBatch(5);

        postExpecting(6);

        for (long n : new long[] {1, 3, 4, 6}) {
            assertCompleteBatch(root, n);
        }
        assertEquals(List.of("Batch(0)", "Batch(1)", "Batch(2)", "Batch(3)", "Batch(4)", "Batch(5)", "Batch(6)"),
                Roots.batchNames(root));
    }

    @Test
    void namesThatAreNotVersions_areIgnoredAndLeftAlone() throws IOException {
        List<String> strangers = List.of("Batch(007)", "Batch( 5)", "Batch(-1)", "batch(4)", "Batch(x)", "BatchFoo",
                "Batch(0)x", "Batch(12");
        for (String name : strangers) {
            Files.createDirectories(root.resolve(name));
            Files.writeString(root.resolve(name).resolve("keep.txt"), name);
        }
        Files.writeString(root.resolve("Batch(2)"), "a regular file, not a batch");

        postExpecting(1);
        postExpecting(3);

        for (String name : strangers) {
            assertEquals(List.of("keep.txt"), Roots.childNames(root.resolve(name)), name + " was touched");
        }
        assertEquals("a regular file, not a batch", Files.readString(root.resolve("Batch(2)")));
    }

    @Test
    void linkNamedLikeABatch_isNeverWrittenThrough() throws IOException {
        Path elsewhere = Files.createTempDirectory("outside-root-");
        try {
            existingBatch(1);
            Files.createSymbolicLink(root.resolve("Batch(2)"), elsewhere);
            Files.createSymbolicLink(root.resolve("Batch(9)"), elsewhere);

            postExpecting(3);
            postExpecting(4);

            assertEquals(List.of(), Roots.childNames(elsewhere));
            assertTrue(Files.isSymbolicLink(root.resolve("Batch(2)")));
        } finally {
            Roots.deleteTree(elsewhere);
        }
    }

    @Test
    void everyFileAndFolderName_isRenumberedAndOtherNumbersStay() {
        postExpecting(1);

        Path copy = root.resolve("Batch(1)/ConfigurationPlotSpec(1)");
        assertTrue(Files.isRegularFile(copy.resolve("x(1)(1).txt")));
        assertTrue(Files.isRegularFile(copy.resolve("data(10).csv")));
        assertTrue(Files.isRegularFile(copy.resolve("Inputs(1)/Deep(1)(1)/prices(1).bin")));
        assertTrue(Files.isDirectory(copy.resolve("Empty(1)")));
        assertFalse(TemplateFixture.listing(copy).keySet().stream().anyMatch(name -> name.contains("(0)")));
    }

    @Test
    void missingTemplate_failsWithTheLegacyShapeAndCreatesNothing() throws IOException {
        Roots.deleteTree(TemplateFixture.template(root));

        given()
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(equalTo("{\"error\":\"The template folder Batch(0)/ConfigurationPlotSpec(0) is missing from the"
                        + " batch root; no batch was created\",\"message\":\"" + FAILED + "\"}\n"));

        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void afterAFailure_theServiceKeepsServing() throws IOException {
        Roots.deleteTree(TemplateFixture.template(root));
        given().when().post("/create_new_batch").then().statusCode(500);

        TemplateFixture.writeTemplate(root);

        postExpecting(1);
        assertCompleteBatch(root, 1);
    }

    @Test
    void linkInsideTheTemplate_isRefusedAndNothingIsCreated() throws IOException {
        Files.createSymbolicLink(TemplateFixture.template(root).resolve("shortcut(0)"), Path.of("/etc"));

        given()
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(500)
                .body("message", equalTo(FAILED))
                .body("error", containsString("symbolic link at ConfigurationPlotSpec(0)/shortcut(0)"));

        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void moreGapsThanTheDefaultLimit_areRefusedAndNothingIsCreated() throws IOException {
        Files.createDirectory(root.resolve("Batch(1002)"));

        given()
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(500)
                .body("message", equalTo(FAILED))
                .body("error", containsString("fill 1001 missing batches below Batch(1002)"))
                .body("error", containsString("limit of 1000 (batch.max-gap-fill)"));

        assertEquals(List.of("Batch(0)", "Batch(1002)"), Roots.batchNames(root));
    }

    @Test
    void batchNumberTooLargeForTheService_isAClearError() throws IOException {
        Files.createDirectory(root.resolve("Batch(99999999999999999999)"));

        given()
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(500)
                .body("message", equalTo(FAILED))
                .body("error", containsString("Batch(99999999999999999999) has a number too large"));

        assertEquals(List.of("Batch(0)", "Batch(99999999999999999999)"), Roots.batchNames(root));
    }

    @Test
    void fiftyParallelRequests_getOneToFiftyExactlyOnce() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();

        List<Long> numbers = responses.stream()
                .map(CompletableFuture::join)
                .peek(response -> assertEquals(200, response.statusCode(), response.body()))
                .map(response -> numberIn(response.body()))
                .sorted()
                .toList();
        assertEquals(LongRange.closed(1, 50), numbers);
        numbers.forEach(n -> assertCompleteBatch(root, n));
    }

    @Test
    void corsPreflightFromAnotherOrigin_isAllowedByDefault() {
        given()
                .header("Origin", "http://frontend.example:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when()
                .options("/create_new_batch")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://frontend.example:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void readiness_isUpWithARootAndTemplate() {
        given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(ROOT_CHECK + ".data.root", equalTo(root.toString()));
    }

    @Test
    void readiness_isDownWithTheReasonWhenTheTemplateIsMissing() throws IOException {
        Roots.deleteTree(root.resolve("Batch(0)"));

        given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(ROOT_CHECK + ".data.problem1", equalTo("template Batch(0)/ConfigurationPlotSpec(0) is missing"));
    }

    @Test
    void readiness_isDownWithTheReasonWhenTheRootIsMissing() throws IOException {
        Roots.deleteTree(root);

        given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(ROOT_CHECK + ".data.problem1", containsString("is missing or not a folder"));
    }

    @Test
    void liveness_isUpWithoutLookingAtTheRoot() throws IOException {
        Roots.deleteTree(root);

        given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    private void postExpecting(long number) {
        given()
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/create_new_batch")
                .then()
                .statusCode(200)
                .body(equalTo(CREATED.formatted(number)));
    }

    private void existingBatch(long number) throws IOException {
        Path batch = Files.createDirectories(root.resolve("Batch(" + number + ")"));
        Files.writeString(batch.resolve("marker.txt"), "made before the test");
    }

    static long numberIn(String body) {
        Matcher matcher = Pattern.compile("\"NewBatchNumber\":(\\d+)").matcher(body);
        assertTrue(matcher.find(), body);
        return Long.parseLong(matcher.group(1));
    }

    /** A closed range of longs as a list, for readable equality checks. */
    static final class LongRange {
        static List<Long> closed(long from, long to) {
            return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
        }
    }
}
