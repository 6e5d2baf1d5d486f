package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM with creations queued, as Kubernetes stops a pod during a rolling update. */
class GracefulShutdownIT {

    private static final String SHUTTING_DOWN = "{\"error\":\"The service is shutting down; retry in 1 s\","
            + "\"message\":\"Error creating new batches\"}\n";

    @TempDir
    Path root;

    @Test
    void sigtermWithWorkQueued_readinessDownNewWorkRefusedAcceptedWorkFinished() throws Exception {
        TemplateFixture.writeTemplate(root);
        TemplateFixture.addBulk(root, 1500);
        Map<String, String> settings = Map.of("quarkus.shutdown.delay", "5s");
        try (ServiceProcess service = ServiceProcess.start("graceful-shutdown", root, settings)) {
            List<CompletableFuture<HttpResponse<String>>> accepted =
                    Requests.createInParallel(service.uri("/create_new_batch"), 8);
            awaitLog(service, "Created Batch(1)");

            service.signalTerm();

            HttpResponse<String> ready = awaitNotReady(service);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().matches("(?s).*\"Graceful Shutdown\",\\s*\"status\": \"DOWN\".*"), ready.body());
            // Readiness and the writer are told of the shutdown by two listeners, in no fixed order.
            awaitLog(service, "Shutting down: new batch work is refused");
            HttpResponse<String> late = Requests.create(service.uri("/create_new_batch"));
            assertEquals(503, late.statusCode(), late.body());
            assertEquals(SHUTTING_DOWN, late.body());
            assertEquals("1", late.headers().firstValue("Retry-After").orElse(null));

            List<Long> numbers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : accepted) {
                assertEquals(200, response.join().statusCode(), response.join().body());
                numbers.add(Requests.numberIn(response.join().body()));
            }
            service.awaitExit(Duration.ofSeconds(60));
            assertEquals(LongStream.rangeClosed(1, 8).boxed().toList(), numbers.stream().sorted().toList());
            numbers.forEach(n -> TemplateFixture.assertCompleteBatch(root, n));
            assertEquals(9, Roots.batchNames(root).size(), "a batch appeared that no client was told about");
            assertEquals(List.of(), Roots.leftoversInStaging(root));
        }
    }

    /** The JVM handles a signal on a thread of its own, so readiness turns DOWN a moment after the signal. */
    private static HttpResponse<String> awaitNotReady(ServiceProcess service) throws Exception {
        HttpResponse<String> ready = Requests.get(service.uri("/q/health/ready"));
        for (int i = 0; i < 60 && ready.statusCode() == 200; i++) {
            Thread.sleep(50);
            ready = Requests.get(service.uri("/q/health/ready"));
        }
        return ready;
    }

    private static void awaitLog(ServiceProcess service, String text) throws InterruptedException {
        for (int i = 0; i < 300 && !service.log().contains(text); i++) {
            Thread.sleep(50);
        }
        assertTrue(service.log().contains(text), "never logged: " + text + "\n" + service.log());
    }
}
