package com.modecon.batch.rest;

import static com.modecon.batch.rest.BatchesApiTest.UUID_PATTERN;
import static com.modecon.batch.rest.BatchesApiTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dependency-checked deletion into the trash, and restoring from it. */
@QuarkusTest
@WithTestResource(TempRootResource.class)
class TrashApiTest {

    @TestRoot
    Path root;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void deletingTheTemplate_isForbiddenAndItStays() {
        problem(given().when().delete("/batches/0").then(), 403, "template-protected");
        assertTrue(Files.isDirectory(TemplateFixture.template(root)));
    }

    @Test
    void deletingAMissingBatch_is404() {
        problem(given().when().delete("/batches/3").then(), 404, "batch-not-found");
        problem(given().when().delete("/batches/abc").then(), 400, "invalid-request");
    }

    @Test
    void batchWithResults_isRefusedWith409UnlessForced() throws IOException {
        create(1);
        Files.writeString(root.resolve("Batch(1)/Results(1)/npv.csv"), "42");

        problem(given().when().delete("/batches/1").then(), 409, "results-not-empty")
                .body("detail", containsString("?force=true"));
        assertTrue(Files.exists(root.resolve("Batch(1)/Results(1)/npv.csv")));

        given()
                .header("X-User", "maria")
                .when()
                .delete("/batches/1?force=true")
                .then()
                .statusCode(200)
                .body("number", equalTo(1))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("deletedBy", equalTo("maria"));
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void deleteThenRestore_bringsBackEveryByteUnderTheOldNumber() throws IOException {
        create(1);
        create(2);
        Files.writeString(root.resolve("Batch(2)/ConfigurationPlotSpec(2)/x(2)(2).txt"), "edited");
        Map<String, byte[]> before = contents(root.resolve("Batch(2)"));
        String id = given().when().delete("/batches/2").then().statusCode(200).extract().path("id");
        assertFalse(Files.exists(root.resolve("Batch(2)")));

        given().when().get("/trash").then().statusCode(200).body("", hasSize(1)).body("[0].number", equalTo(2));

        given().when().post("/trash/" + id + "/restore").then().statusCode(200).body("number", equalTo(2));

        assertEquals(before.keySet(), contents(root.resolve("Batch(2)")).keySet());
        before.forEach((name, bytes) -> assertEquals(new String(bytes),
                new String(contents(root.resolve("Batch(2)")).get(name)), name));
        given().when().get("/trash").then().body("", hasSize(0));
        problem(given().when().post("/trash/" + id + "/restore").then(), 404, "trash-entry-not-found");
    }

    @Test
    void restoreAfterTheNumberWasRefilled_is409AndTheEntryStays() {
        create(1);
        create(2);
        String id = given().when().delete("/batches/1").then().statusCode(200).extract().path("id");
        given().when().post("/batches").then().statusCode(201).body("number", equalTo(3));
        assertTrue(Files.isDirectory(root.resolve("Batch(1)")), "gap filling reuses the freed number");

        problem(given().when().post("/trash/" + id + "/restore").then(), 409, "restore-conflict");

        given().when().get("/trash").then().body("", hasSize(1)).body("[0].id", equalTo(id));
    }

    @Test
    void malformedTrashIds_areRefusedWith400() {
        for (String bad : List.of("not-a-uuid", "..%2F..%2Fetc", "0B6E4C2A-7D1F-4A3E-9C5B-8E2D1F0A3B4C")) {
            problem(given().urlEncodingEnabled(false).when().post("/trash/" + bad + "/restore").then(), 400,
                    "invalid-request");
        }
    }

    @Test
    void concurrentDeletesAndCreates_leaveEveryBatchWholeAndEveryDeletionInTheTrash() {
        for (int n = 1; n <= 10; n++) {
            create(n);
        }
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            deletes.add(send(client, HttpRequest.newBuilder(base.resolve("batches/" + n)).DELETE()));
            deletes.add(send(client, HttpRequest.newBuilder(base.resolve("batches/" + n)).DELETE()));
            creates.add(send(client, HttpRequest.newBuilder(base.resolve("batches"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
        }

        CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).join();
        CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).join();

        // A number freed by a delete may be refilled by a create and then deleted again by the second DELETE
        // of that number: so deletions are compared with the trash as lists, not as sets.
        List<Long> deleted = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> delete : deletes) {
            HttpResponse<String> response = delete.join();
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404, response.body());
            if (response.statusCode() == 200) {
                deleted.add(numberOf(response.body()));
            }
        }
        Set<Long> created = new HashSet<>();
        creates.forEach(c -> created.add(numberOf(c.join().body())));
        assertEquals(10, created.size(), "creations got the same number");
        List<Integer> trashed = given().when().get("/trash").then().extract().path("number");
        assertEquals(deleted.stream().sorted().toList(),
                trashed.stream().map(Integer::longValue).sorted().toList());
        for (String name : Roots.batchNames(root)) {
            long n = Long.parseLong(name.substring(6, name.length() - 1));
            if (n > 0) {
                TemplateFixture.assertCompleteBatch(root, n);
            }
        }
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    private static long numberOf(String body) {
        Matcher matcher = Pattern.compile("\"number\":(\\d+)").matcher(body);
        assertTrue(matcher.find(), body);
        return Long.parseLong(matcher.group(1));
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void create(int expected) {
        given().when().post("/batches").then().statusCode(201).body("number", equalTo(expected));
    }

    private static Map<String, byte[]> contents(Path batch) {
        Map<String, byte[]> contents = new TreeMap<>();
        TemplateFixture.listing(batch).forEach((name, path) -> {
            if (Files.isRegularFile(path)) {
                try {
                    contents.put(name, Files.readAllBytes(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return contents;
    }
}
