package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.Roots;
import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves in staging is gone after the next start, and never becomes a batch. */
class StartupSweepIT {

    @TempDir
    Path root;

    @Test
    void staleLeftoverIsRemovedAtStartup_aLiveNeighboursWorkIsKept() throws Exception {
        TemplateFixture.writeTemplate(root);
        Path crashed = halfBuiltBatch("crashed-pod-1-abcd", Instant.now().minus(Duration.ofHours(1)));
        Path neighbour = halfBuiltBatch("running-pod-2-ef01", Instant.now());

        try (ServiceProcess service = ServiceProcess.start("startup-sweep", root, Map.of())) {
            assertFalse(Files.exists(crashed), "the crashed instance's staging survived startup");
            assertTrue(Files.exists(neighbour.resolve("work-7/Batch-in-flight/file(1).txt")),
                    "a running neighbour's staging was destroyed");
            assertEquals(List.of("Batch(0)"), Roots.batchNames(root));

            assertEquals(1, Requests.numberIn(Requests.create(service.uri("/create_new_batch")).body()));
            assertEquals(List.of("Batch(0)", "Batch(1)"), Roots.batchNames(root));
            TemplateFixture.assertCompleteBatch(root, 1);
        }
    }

    private Path halfBuiltBatch(String instance, Instant lastHeartbeat) throws Exception {
        Path folder = root.resolve(".staging").resolve(instance);
        Path work = Files.createDirectories(folder.resolve("work-7/Batch-in-flight"));
        Files.writeString(work.resolve("file(1).txt"), "half");
        Files.setLastModifiedTime(folder, FileTime.from(lastHeartbeat));
        return folder;
    }
}
