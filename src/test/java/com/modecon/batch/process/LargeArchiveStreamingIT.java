package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch larger than the service's whole heap (-Xmx256m) is exported and imported again: this only works if
 * both directions stream instead of holding the archive in memory.
 */
class LargeArchiveStreamingIT {

    private static final long SIZE = 320L << 20;

    @TempDir
    Path root;

    @TempDir
    Path work;

    @Test
    void batchLargerThanTheHeap_exportsAndImportsByStreaming() throws Exception {
        TemplateFixture.writeTemplate(root);
        try (ServiceProcess service = ServiceProcess.start("large-archive", root, Map.of())) {
            assertEquals(200, Requests.create(service.uri("/create_new_batch")).statusCode());
            Path big = root.resolve("Batch(1)/Results(1)/big(1).bin");
            writeIncompressible(big, SIZE);

            HttpClient client = HttpClient.newHttpClient();
            Path archive = work.resolve("batch.zip");
            HttpResponse<Path> exported = client.send(HttpRequest.newBuilder(service.uri("/batches/1/export")).build(),
                    HttpResponse.BodyHandlers.ofFile(archive));
            assertEquals(200, exported.statusCode());
            assertTrue(Files.size(archive) > SIZE, "archive is " + Files.size(archive) + " bytes");

            HttpResponse<String> imported = client.send(HttpRequest.newBuilder(service.uri("/batches/import"))
                    .header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofFile(archive))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, imported.statusCode(), imported.body());
            assertEquals(Files.mismatch(big, root.resolve("Batch(2)/Results(2)/big(2).bin")), -1L,
                    "imported bytes differ");
            assertTrue(service.isAlive(), service.log());
        }
    }

    private static void writeIncompressible(Path file, long size) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

}
