package com.modecon.batch.rest;

import static com.modecon.batch.rest.BatchesApiTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TempRootResource;
import com.modecon.testing.TemplateFixture;
import com.modecon.testing.TestRoot;
import com.modecon.testing.ZipFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import through HTTP. The limits are small here (1 MiB, 200 entries) so that a zip bomb and an
 * archive with too many entries stay cheap to make.
 */
@QuarkusTest
@WithTestResource(value = TempRootResource.class, initArgs = {
    @ResourceArg(name = "batch.import.max-bytes", value = "1048576"),
    @ResourceArg(name = "batch.import.max-entries", value = "200")})
class ArchiveApiTest {

    private static final String ZIP = "application/zip";

    @TestRoot
    Path root;

    @TempDir
    Path work;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void zipSlipEntry_is400AndNothingIsWritten() throws IOException {
        assertRefused(ZipFixtures.zipOf(work.resolve("a.zip"), "Batch(1)/ConfigurationPlotSpec(1)/ok.txt",
                "Batch(1)/../../evil.txt"), 400, "archive-rejected");
        try (var everything = Files.walk(root)) {
            assertTrue(everything.noneMatch(path -> path.getFileName().toString().equals("evil.txt")));
        }
    }

    @Test
    void archiveWithoutAConfigurationFolder_is400() throws IOException {
        assertRefused(ZipFixtures.zipOf(work.resolve("a.zip"), "Batch(1)/Results(1)/out.csv"), 400,
                "archive-rejected");
    }

    @Test
    void refusedImport_fillsNoGaps() throws IOException {
        Files.createDirectories(root.resolve("Batch(3)/Results(3)"));
        Path zip = ZipFixtures.zipOf(work.resolve("clash.zip"), "Batch(1)/ConfigurationPlotSpec(1)/a(1).txt",
                "Batch(1)/ConfigurationPlotSpec(1)/a(4).txt");

        problem(given().contentType(ZIP).body(Files.readAllBytes(zip)).when().post("/batches/import").then(),
                400, "archive-rejected");

        assertEquals(List.of("Batch(0)", "Batch(3)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void absolutePathEntry_is400() throws IOException {
        assertRefused(ZipFixtures.zipOf(work.resolve("a.zip"), "/etc/Batch(1)/x.txt"), 400, "archive-rejected");
    }

    @Test
    void linkEntry_is400() throws IOException {
        Path zip = ZipFixtures.zipOf(work.resolve("a.zip"), "Batch(1)/ConfigurationPlotSpec(1)/link");
        ZipFixtures.setUnixMode(zip, "Batch(1)/ConfigurationPlotSpec(1)/link", 0120777);
        assertRefused(zip, 400, "archive-rejected");
    }

    @Test
    void entriesOutsideOneBatchFolder_are400() throws IOException {
        assertRefused(ZipFixtures.zipOf(work.resolve("a.zip"), "Batch(1)/a.txt", "Batch(2)/b.txt"), 400,
                "archive-rejected");
        assertRefused(ZipFixtures.zipOf(work.resolve("b.zip"), "Stuff/a.txt"), 400, "archive-rejected");
    }

    @Test
    void zipBomb_is413StoppedEarlyAndStagingIsRemoved() throws IOException {
        String entry = "Batch(1)/ConfigurationPlotSpec(1)/zeros.bin";
        Path bomb = ZipFixtures.zeroBomb(work.resolve("bomb.zip"), entry, 256L << 20);
        ZipFixtures.setCentralSize(bomb, entry, 10);
        assertTrue(Files.size(bomb) < 1 << 20, "the bomb itself is small");

        assertRefused(bomb, 413, "archive-too-large");
    }

    @Test
    void tooManyEntries_is413() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            names.add("Batch(1)/ConfigurationPlotSpec(1)/f" + i + ".txt");
        }
        assertRefused(ZipFixtures.zipOf(work.resolve("many.zip"), names.toArray(String[]::new)), 413,
                "archive-too-large");
    }

    @Test
    void uploadLargerThanTheLimit_is413() throws IOException {
        byte[] big = new byte[(1 << 20) + 10];
        given().contentType(ZIP).body(big).when().post("/batches/import")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void exportOfAMissingBatch_is404() {
        problem(given().when().get("/batches/9/export").then(), 404, "batch-not-found");
    }

    @Test
    void exportThenImport_roundTripsEveryByteUnderANewNumber() throws IOException {
        given().when().post("/batches").then().statusCode(201);
        Files.writeString(root.resolve("Batch(1)/Results(1)/npv(1).csv"), "year,npv\n2030,12.5\n");
        byte[] archive = given().when().get("/batches/1/export").then()
                .statusCode(200)
                .contentType(ZIP)
                .header("Content-Disposition", containsString("Batch(1).zip"))
                .extract().asByteArray();
        assertTrue(entryNames(archive).stream().allMatch(name -> name.startsWith("Batch(1)/")), "entry outside");

        given()
                .contentType(ZIP)
                .header("X-User", "ole")
                .body(archive)
                .when()
                .post("/batches/import")
                .then()
                .statusCode(201)
                .body("number", equalTo(2))
                .body("source", equalTo("import"))
                .body("createdBy", equalTo("ole"))
                .body("hasResults", equalTo(true));

        Map<String, byte[]> original = files(root.resolve("Batch(1)"), "(1)");
        Map<String, byte[]> imported = files(root.resolve("Batch(2)"), "(2)");
        assertEquals(original.keySet(), imported.keySet());
        original.forEach((name, bytes) -> assertArrayEquals(bytes, imported.get(name), name));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    @Test
    void utf8EntryNames_survive() throws IOException {
        Path zip = ZipFixtures.zipOf(work.resolve("u.zip"), "Batch(5)/ConfigurationPlotSpec(5)/",
                "Batch(5)/ConfigurationPlotSpec(5)/Überblick_ñ_(5).txt", "Batch(5)/Results(5)/");

        given().contentType(ZIP).body(Files.readAllBytes(zip)).when().post("/batches/import")
                .then().statusCode(201).body("number", equalTo(1));

        assertTrue(Files.isRegularFile(root.resolve("Batch(1)/ConfigurationPlotSpec(1)/Überblick_ñ_(1).txt")));
    }

    private void assertRefused(Path zip, int status, String reason) throws IOException {
        problem(given().contentType(ZIP).body(Files.readAllBytes(zip)).when().post("/batches/import").then(),
                status, reason);
        assertEquals(List.of("Batch(0)"), Roots.batchNames(root));
        assertEquals(List.of(), Roots.leftoversInStaging(root));
    }

    private static List<String> entryNames(byte[] archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Regular files below a batch by relative name with its number neutralised, the metadata file left out. */
    private static Map<String, byte[]> files(Path batch, String number) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, Path> entry : TemplateFixture.listing(batch).entrySet()) {
            if (Files.isRegularFile(entry.getValue()) && !entry.getKey().equals(".batch.json")) {
                files.put(entry.getKey().replace(number, "(n)"), Files.readAllBytes(entry.getValue()));
            }
        }
        return files;
    }
}
