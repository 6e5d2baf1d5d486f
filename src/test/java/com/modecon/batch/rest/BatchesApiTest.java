package com.modecon.batch.rest;

import static com.modecon.testing.TemplateFixture.assertCompleteBatch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TempRootResource;
import com.modecon.testing.TemplateFixture;
import com.modecon.testing.TestRoot;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource API over batches and templates, through real HTTP on a real temporary root. */
@QuarkusTest
@WithTestResource(TempRootResource.class)
class BatchesApiTest {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestRoot
    Path root;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void malformedBatchNumbers_areRefusedWith400BeforeAnyFileAccess() {
        for (String bad : List.of("abc", "-1", "007", "1.5", "%2E%2E%2F%2E%2E%2Fetc", "99999999999999999999")) {
            problem(given().urlEncodingEnabled(false).when().get("/batches/" + bad).then(), 400, "invalid-request");
        }
    }

    @Test
    void missingBatch_is404ProblemDocument() {
        given()
                .when()
                .get("/batches/42")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modecon:problem:batch-not-found"))
                .body("title", equalTo("Batch not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no Batch(42); it may have been deleted already"));
    }

    @Test
    void unknownOrInvalidTemplateName_is404AndCreatesNothing() {
        for (String name : List.of("nope", "../Batch(0)", "Default", "")) {
            problem(given().contentType(ContentType.JSON).body("{\"template\":\"" + name + "\"}")
                    .when().post("/batches").then(), 404, "template-not-found");
        }
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void jsonBodiesThatCannotBeRead_are400ProblemDocuments() {
        for (String body : List.of("{\"template\":[\"a\"]}", "{\"template\":{}}", "[1]", "\"x\"", "{\"template\":")) {
            problem(given().contentType(ContentType.JSON).body(body).when().post("/batches").then(), 400,
                    "invalid-request");
        }
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void largeBodyOutsideTheImport_is413BeforeItIsRead() {
        problem(given().contentType(ContentType.JSON).body(" ".repeat(70_000) + "{}").when().post("/batches").then(),
                413, "body-too-large");
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void createWithoutBody_is201WithLocationAndDetails() {
        given()
                .header("X-User", "maria")
                .when()
                .post("/batches")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/batches/1"))
                .body("number", equalTo(1))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("createdBy", equalTo("maria"))
                .body("source", equalTo("template:default"))
                .body("fileCount", equalTo(TemplateFixture.listing(TemplateFixture.template(root)).values().stream()
                        .filter(Files::isRegularFile).toList().size()))
                .body("hasResults", equalTo(false));

        assertCompleteBatch(root, 1);
    }

    @Test
    void createWithEmptyJsonObject_usesTheDefaultTemplateAndFillsGaps() throws IOException {
        Files.createDirectories(root.resolve("Batch(2)/Results(2)"));

        given().contentType(ContentType.JSON).body("{}").when().post("/batches")
                .then().statusCode(201).body("number", equalTo(3));

        assertCompleteBatch(root, 1);
        assertCompleteBatch(root, 3);
    }

    @Test
    void templates_listDefaultFirstAndNamedTemplatesCanBeUsed() throws IOException {
        Path named = Files.createDirectories(root.resolve("Templates/high-capex/ConfigurationPlotSpec(0)"));
        Files.writeString(named.resolve("U_configurations(0).py"), "CAPEX = 1350\n");
        Files.createDirectories(root.resolve("Templates/Bad Name/ConfigurationPlotSpec(0)"));
        Files.createDirectories(root.resolve("Templates/no-config"));

        given().when().get("/templates").then().statusCode(200).body("", equalTo(List.of("default", "high-capex")));

        given()
                .contentType(ContentType.JSON)
                .body("{\"template\":\"high-capex\"}")
                .when()
                .post("/batches")
                .then()
                .statusCode(201)
                .body("source", equalTo("template:high-capex"));
        assertEquals("CAPEX = 1350\n",
                Files.readString(root.resolve("Batch(1)/ConfigurationPlotSpec(1)/U_configurations(1).py")));
    }

    @Test
    void list_isAscendingWithoutTheTemplate_andOldBatchesAnswerFromTheFileSystem() throws IOException {
        given().when().post("/batches").then().statusCode(201);
        Files.createDirectories(root.resolve("Batch(10)/ConfigurationPlotSpec(10)"));
        Files.createDirectories(root.resolve("Batch(2)/Results(2)"));
        given().when().post("/batches").then().statusCode(201);

        given()
                .when()
                .get("/batches")
                .then()
                .statusCode(200)
                .body("number", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)))
                .body("[1].id", nullValue())
                .body("[1].source", equalTo("unknown"))
                .body("[1].createdAt", matchesPattern("\\d{4}-.*Z"))
                .body("[0].source", equalTo("template:default"));
        given().when().get("/batches/2").then().statusCode(200).body("fileCount", equalTo(0));
    }

    @Test
    void details_countFilesAndSeeResults() throws IOException {
        given().when().post("/batches").then().statusCode(201);
        Files.write(root.resolve("Batch(1)/Results(1)/npv.csv"), new byte[1234]);

        given()
                .when()
                .get("/batches/1")
                .then()
                .statusCode(200)
                .body("hasResults", equalTo(true))
                .body("totalBytes", equalTo((int) (totalBytes(TemplateFixture.template(root)) + 1234)));
    }

    @Test
    void clone_copiesTheEditedConfigurationRenamedWithEmptyResults() throws IOException {
        given().when().post("/batches").then().statusCode(201);
        Path edited = root.resolve("Batch(1)/ConfigurationPlotSpec(1)/x(1)(1).txt");
        Files.writeString(edited, "edited in batch 1");
        Files.writeString(root.resolve("Batch(1)/Results(1)/out.csv"), "results stay with batch 1");

        given()
                .header("X-User", "ole")
                .when()
                .post("/batches/1/clone")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/batches/2"))
                .body("source", equalTo("clone:1"))
                .body("createdBy", equalTo("ole"))
                .body("hasResults", equalTo(false));

        assertEquals("edited in batch 1",
                Files.readString(root.resolve("Batch(2)/ConfigurationPlotSpec(2)/x(2)(2).txt")));
        assertTrue(Files.isDirectory(root.resolve("Batch(2)/ConfigurationPlotSpec(2)/Inputs(2)/Deep(2)(2)")));
        assertEquals(List.of(), Roots.childNames(root.resolve("Batch(2)/Results(2)")));
    }

    @Test
    void cloneOfAMissingBatchOrTheTemplate_is404AndCreatesNothing() {
        problem(given().when().post("/batches/5/clone").then(), 404, "batch-not-found");
        problem(given().when().post("/batches/0/clone").then(), 404, "batch-not-found");
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
    }

    @Test
    void linkedTemplatesFolder_isNotFollowed() throws IOException {
        Path outside = Files.createTempDirectory("outside-templates-");
        try {
            Path evil = Files.createDirectories(outside.resolve("evil/ConfigurationPlotSpec(0)"));
            Files.writeString(evil.resolve("SECRET"), "from outside the root");
            Files.createSymbolicLink(root.resolve("Templates"), outside);

            given().when().get("/templates").then().statusCode(200).body("", equalTo(List.of("default")));
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body(containsString("Templates in the batch root is a link or a file"));
            problem(given().contentType(ContentType.JSON).body("{\"template\":\"evil\"}").when().post("/batches")
                    .then(), 404, "template-not-found");
            assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        } finally {
            Roots.deleteTree(outside);
        }
    }

    @Test
    void cloneOfBatchTen_keepsTheNamesTheTemplateFixes() throws IOException {
        Files.writeString(TemplateFixture.template(root).resolve("colours(10).json"), "{}");
        for (int n = 1; n <= 10; n++) {
            given().when().post("/batches").then().statusCode(201);
        }

        given().when().post("/batches/10/clone").then().statusCode(201).body("number", equalTo(11));

        Path clone = root.resolve("Batch(11)/ConfigurationPlotSpec(11)");
        assertTrue(Files.isRegularFile(clone.resolve("colours(10).json")), "a fixed name was renumbered");
        assertTrue(Files.isRegularFile(clone.resolve("x(11)(11).txt")));
        assertTrue(Files.isRegularFile(clone.resolve("data(10).csv")));
    }

    @Test
    void cloneOfABatchFromANamedTemplate_keepsThatTemplatesFixedNames() throws IOException {
        Path named = Files.createDirectories(root.resolve("Templates/tariffs/ConfigurationPlotSpec(0)"));
        Files.writeString(named.resolve("tariff(3).csv"), "fixed name");
        Files.writeString(named.resolve("U_configurations(0).py"), "TARIFF = 3\n");
        given().when().post("/batches").then().statusCode(201);
        given().when().post("/batches").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"template\":\"tariffs\"}").when().post("/batches")
                .then().statusCode(201).body("number", equalTo(3));

        given().when().post("/batches/3/clone").then().statusCode(201).body("number", equalTo(4));

        Path clone = root.resolve("Batch(4)/ConfigurationPlotSpec(4)");
        assertEquals(List.of("U_configurations(4).py", "tariff(3).csv"), Roots.childNames(clone));
    }

    @Test
    void refusedSource_fillsNoGaps() throws IOException {
        Files.createDirectories(root.resolve("Batch(4)/ConfigurationPlotSpec(4)"));
        Files.createSymbolicLink(root.resolve("Batch(4)/ConfigurationPlotSpec(4)/link"), Path.of("/etc"));

        problem(given().when().post("/batches/4/clone").then(), 409, "batch-unsupported-entry")
                .body("detail", containsString("Batch(4) holds a symbolic link at ConfigurationPlotSpec(4)/link"));

        assertEquals(List.of("Batch(0)", "Batch(4)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void openApi_describesEveryEndpointWithExamples() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        for (String path : List.of("\"/batches\"", "\"/batches/{n}\"", "\"/batches/{k}/clone\"",
                "\"/batches/{n}/export\"", "\"/batches/import\"", "\"/templates\"", "\"/trash\"",
                "\"/trash/{id}/restore\"", "\"/create_new_batch\"")) {
            assertTrue(document.contains(path), "OpenAPI lacks " + path);
        }
        assertTrue(document.contains("application/problem+json"), "no problem documents described");
        assertTrue(document.contains("urn:modecon:problem:batch-not-found"), "no error examples");
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void legacyEndpoint_isUnchangedBesideTheNewApi() {
        given().contentType(ContentType.JSON).body("{}").when().post("/create_new_batch")
                .then().statusCode(200).body(equalTo(CreateNewBatchTest.CREATED.formatted(1)));
        given().when().get("/batches").then().body("", hasSize(1)).body("[0].source", equalTo("template:default"));
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String reason) {
        return response
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modecon:problem:" + reason))
                .body("status", equalTo(status))
                .body("detail", matchesPattern(".+"));
    }

    static long totalBytes(Path top) {
        return TemplateFixture.listing(top).values().stream()
                .filter(Files::isRegularFile)
                .mapToLong(file -> file.toFile().length())
                .sum();
    }

    static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.toString());
        assertFalse(Files.isSymbolicLink(actual));
    }
}
