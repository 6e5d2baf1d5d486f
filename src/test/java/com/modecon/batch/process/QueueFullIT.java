package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full writer queue answers 503 with Retry-After in the legacy error shape, and loses nothing. */
class QueueFullIT {

    private static final String BUSY = "{\"error\":\"The service is busy with other batches; retry in 2 s\","
            + "\"message\":\"Error creating new batches\"}\n";

    @TempDir
    Path root;

    @Test
    void burstBeyondTheQueue_isPartlyRefusedWith503AndEveryAcceptedBatchIsComplete() throws Exception {
        TemplateFixture.writeTemplate(root);
        TemplateFixture.addBulk(root, 2000);
        Map<String, String> tinyQueue = Map.of("batch.queue-capacity", "1", "batch.retry-after-seconds", "2");
        try (ServiceProcess service = ServiceProcess.start("queue-full", root, tinyQueue)) {

            List<CompletableFuture<HttpResponse<String>>> burst =
                    Requests.createInParallel(service.uri("/create_new_batch"), 30);

            List<Long> created = new ArrayList<>();
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> pending : burst) {
                HttpResponse<String> response = pending.join();
                if (response.statusCode() == 503) {
                    refused++;
                    assertEquals(BUSY, response.body());
                    assertEquals("2", response.headers().firstValue("Retry-After").orElse(null));
                } else {
                    assertEquals(200, response.statusCode(), response.body());
                    created.add(Requests.numberIn(response.body()));
                }
            }
            assertTrue(refused > 0, "no request was refused although the queue holds one");
            List<Long> expected = LongStream.rangeClosed(1, created.size()).boxed().toList();
            assertEquals(expected, created.stream().sorted().toList());
            assertEquals(created.size() + 1, Roots.batchNames(root).size());
            created.forEach(n -> TemplateFixture.assertCompleteBatch(root, n));
            assertTrue(service.log().contains("the writer queue is full"), "no WARN for the refusal");
            String metrics = Requests.get(service.uri("/q/metrics")).body();
            assertTrue(metrics.contains("batch_rejected_total{reason=\"queue-full\"} " + refused + ".0"), metrics);
            assertTrue(metrics.contains("batch_created_total " + created.size() + ".0"), metrics);
        }
    }
}
