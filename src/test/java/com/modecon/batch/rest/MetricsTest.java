package com.modecon.batch.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.TempRootResource;
import com.modecon.testing.TemplateFixture;
import com.modecon.testing.TestRoot;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus meters at /q/metrics move with what the service does. */
@QuarkusTest
@WithTestResource(TempRootResource.class)
class MetricsTest {

    @TestRoot
    Path root;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void creationsGapsAndRefusals_areCounted() throws IOException {
        given().when().post("/create_new_batch").then().statusCode(200);
        Roots.reset(root);
        Roots.deleteTree(TemplateFixture.template(root));
        given().when().post("/create_new_batch").then().statusCode(500);
        TemplateFixture.writeTemplate(root);
        double created = value("batch_created_total");
        double gaps = value("batch_gaps_filled_total");
        double histogramCount = value("batch_creation_seconds_count");
        double missingTemplate = value("batch_refusals_total{reason=\"template-missing\"}");
        Files.createDirectory(root.resolve("Batch(3)"));

        given().when().post("/create_new_batch").then().statusCode(200);
        Roots.deleteTree(TemplateFixture.template(root));
        given().when().post("/create_new_batch").then().statusCode(500);

        assertEquals(created + 3, value("batch_created_total"), "batches 1, 2 and 4");
        assertEquals(gaps + 2, value("batch_gaps_filled_total"));
        assertEquals(histogramCount + 1, value("batch_creation_seconds_count"));
        assertEquals(missingTemplate + 1, value("batch_refusals_total{reason=\"template-missing\"}"));
        assertTrue(scrape().contains("batch_creation_seconds_bucket{le="), "no histogram buckets");
        assertEquals(0, value("batch_writer_queue_depth"));
    }

    private static double value(String series) {
        String scrape = scrape();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertTrue(matcher.find(), series + " is not exported:\n" + scrape);
        return Double.parseDouble(matcher.group(1));
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
