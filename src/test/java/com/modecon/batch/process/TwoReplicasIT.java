package com.modecon.batch.process;

import static com.modecon.testing.TemplateFixture.assertCompleteBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Two service processes on one shared root, as two pods on one ReadWriteMany volume. */
class TwoReplicasIT {

    @TempDir
    Path root;

    @Test
    void twentyFiveParallelRequestsEach_handOutOneToFiftyExactlyOnce() throws Exception {
        TemplateFixture.writeTemplate(root);
        try (ServiceProcess first = ServiceProcess.start("replica-a", root, Map.of());
                ServiceProcess second = ServiceProcess.start("replica-b", root, Map.of())) {

            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            responses.addAll(Requests.createInParallel(first.uri("/create_new_batch"), 25));
            responses.addAll(Requests.createInParallel(second.uri("/create_new_batch"), 25));

            List<Long> numbers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertEquals(200, response.join().statusCode(), response.join().body());
                numbers.add(Requests.numberIn(response.join().body()));
            }
            assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), numbers.stream().sorted().toList());
            numbers.forEach(n -> assertCompleteBatch(root, n));
            assertEquals(List.of(), Roots.leftoversInStaging(root));
        }
    }
}
